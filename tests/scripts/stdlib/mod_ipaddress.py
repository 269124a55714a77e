# ipaddress: parsing (and its error messages), the printed forms, the
# properties of addresses, networks and interfaces of both versions, the
# network operations, ordering and arithmetic, and the module functions.
import copy
import ipaddress
import pickle
from ipaddress import (
    IPv4Address, IPv4Interface, IPv4Network, IPv6Address, IPv6Interface,
    IPv6Network, ip_address, ip_interface, ip_network,
)


def show(label, fn):
    try:
        result = fn()
        if hasattr(result, "__next__"):
            result = list(result)
        print(label, "->", repr(result))
    except Exception as e:
        print(label, "->", type(e).__name__, e)


print("-- module")
print(ipaddress.IPV4LENGTH, ipaddress.IPV6LENGTH)
print([c.__name__ for c in ipaddress.AddressValueError.__mro__])
print([c.__name__ for c in ipaddress.NetmaskValueError.__mro__])
for cls in (IPv4Address, IPv6Address, IPv4Network, IPv6Network,
            IPv4Interface, IPv6Interface):
    print(cls.__name__, [c.__name__ for c in cls.__mro__])

print("-- factories")
for text in ["192.0.2.1", "2001:db8::1", "::ffff:192.0.2.1", "fe80::1%eth0",
             "0.0.0.0", "255.255.255.255", "::", 3232235521, 2**32,
             b"\xc0\xa8\x00\x01", b"\x20\x01\x0d\xb8" + bytes(12), b"\x01",
             "192.0.2.1/24", "256.0.0.1", "", "hello", None, -1, 2**128]:
    show("ip_address(%r)" % (text,), lambda: ip_address(text))
for text in ["192.0.2.0/24", "192.0.2.1/24", "2001:db8::/32", "2001:db8::1/32",
             "10.0.0.0/255.0.0.0", "10.0.0.0/0.255.255.255", "10.0.0.0",
             "::/0", ("10.0.0.0", 8), ("10.0.0.0", "255.0.0.0"), (167772160, 8),
             ("2001:db8::", 32), 167772160, "10.0.0.0/33", "10.0.0.0/255.0.255.0",
             "2001:db8::/129", "2001:db8::/ffff::", "10.0.0.0/8/8", "x/8"]:
    show("ip_network(%r)" % (text,), lambda: ip_network(text))
show("ip_network strict=False", lambda: ip_network("192.0.2.77/24", strict=False))
show("ip_network strict=False v6", lambda: ip_network("2001:db8::77/64", False))
for text in ["192.0.2.5/24", "192.0.2.5", "2001:db8::5/64", "192.0.2.5/255.255.255.0",
             "192.0.2.5/0.0.0.255", ("192.0.2.5", 28), "192.0.2.5/40", "bad"]:
    show("ip_interface(%r)" % (text,), lambda: ip_interface(text))

print("-- IPv4 parse errors")
for text in ["", "1.2.3", "1.2.3.4.5", "1..3.4", "1.2.3.", "01.2.3.4", "1.2.3.256",
             "1.2.3.1000", "1.2.3.a", "1.2.3.-4", "1.2.3.+4", " 1.2.3.4", "1.2.3.٣",
             "1.2.3.4/24", "1.2.3.4%eth0", "0x1.2.3.4", "1.2.3.0004"]:
    show("IPv4Address(%r)" % text, lambda: IPv4Address(text))
for value in [-1, 2**32, b"\x01\x02\x03", b"\x01\x02\x03\x04\x05", 1.5, 2**32 - 1]:
    show("IPv4Address(%r)" % (value,), lambda: IPv4Address(value))

print("-- IPv6 parse errors")
for text in ["", ":", "::", ":::", "1:2", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9",
             "1:2:3:4:5:6:7:8::", "1::2::3", ":1:2:3:4:5:6:7", "1:2:3:4:5:6:7:",
             ":1::2", "1::2:", "1:2:3:4:5:6:7::8", "12345::", "g::", "::٣",
             "::1.2.3", "::1.2.3.256", "::01.2.3.4", "1:2:3:4:5:6:7:1.2.3.4",
             "1:2:3:4:5:6:1.2.3.4", "fe80::1%", "fe80::1%a%b", "::1/128",
             "1.2.3.4", "::-1", "::0x1", "0000:0000:0000:0000:0000:0000:0000:00001"]:
    show("IPv6Address(%r)" % text, lambda: IPv6Address(text))
for value in [-1, 2**128, b"\x01" * 15, 2**128 - 1, 0]:
    show("IPv6Address(%r)" % (value,), lambda: IPv6Address(value))

print("-- network constructor errors")
for arg in [("1.2.3.0", 33), ("1.2.3.0", -1), ("1.2.3.0", "33"), ("1.2.3.0", " 24"),
            ("1.2.3.0", "+24"), ("1.2.3.0", "٢٤"), ("1.2.3.0",), ("1.2.3.0", 24, 1),
            "1.2.3.0/", "/24", "1.2.3.0/24 ", "1.2.3.4/31", "1.2.3.4/32"]:
    show("IPv4Network(%r)" % (arg,), lambda: IPv4Network(arg))
for arg in [("::", 129), ("::", "64"), ("::", "ffff::"), "::/", "::1/127", "::1/128",
            "fe80::%eth0/64", "fe80::1%eth0/64"]:
    show("IPv6Network(%r)" % (arg,), lambda: IPv6Network(arg))
show("IPv6Network scope, strict=False", lambda: IPv6Network("fe80::1%eth0/64", strict=False))

print("-- IPv4Address")
a = IPv4Address("192.168.10.200")
print(a, repr(a), int(a), a.version, a.max_prefixlen, a.packed)
print(a.compressed, a.exploded, a.reverse_pointer)
print(a + 1, a - 1, a + 0, a - 200)
show("a + 2**32", lambda: a + 2**32)
show("IPv4Address(0) - 1", lambda: IPv4Address(0) - 1)
show("1 + a", lambda: 1 + a)
show("a - a", lambda: a - a)
show("a + 1.0", lambda: a + 1.0)
for spec in ["", "s", ">20s", "<20s", "^20s", "b", "x", "X", "n", "#b", "#x", "#X", "_b",
             "_x", "#_b", "#_x", "#_n", "_n"]:
    show("format(a, %r)" % spec, lambda: format(a, spec))
for spec in ["d", ">20", "o", "#", "_", "#_", "10x"]:
    show("format(a, %r)" % spec, lambda: format(a, spec))
print(f"{a}|{a:>16s}|{a:#x}|{a:_b}")
show("hex(a)", lambda: hex(a))

print("-- IPv4 special ranges")
props = ["is_private", "is_global", "is_loopback", "is_multicast", "is_link_local",
         "is_reserved", "is_unspecified"]
for text in ["0.0.0.0", "0.255.255.255", "1.1.1.1", "8.8.8.8", "9.255.255.255",
             "10.0.0.0", "10.255.255.255", "11.0.0.0", "100.63.255.255", "100.64.0.0",
             "100.127.255.255", "100.128.0.0", "127.0.0.1", "128.0.0.0", "169.254.0.1",
             "172.15.255.255", "172.16.0.0", "172.31.255.255", "172.32.0.0", "192.0.0.0",
             "192.0.0.7", "192.0.0.8", "192.0.0.9", "192.0.0.170", "192.0.0.171",
             "192.0.0.172", "192.0.2.1", "192.88.99.1", "192.168.1.1", "198.18.0.1",
             "198.19.255.255", "198.20.0.0", "198.51.100.1", "203.0.113.1", "224.0.0.1",
             "239.255.255.255", "240.0.0.1", "255.255.255.254", "255.255.255.255"]:
    addr = IPv4Address(text)
    print(text.ljust(16), " ".join(p[3:] for p in props if getattr(addr, p)))

print("-- IPv6Address")
b = IPv6Address("2001:0db8:0000:0000:0000:ff00:0042:8329")
print(b, repr(b), int(b), b.version, b.max_prefixlen, b.packed)
print(b.compressed)
print(b.exploded)
print(b.reverse_pointer)
print(b + 1, b - 0x8329, IPv6Address(2**128 - 1), IPv6Address(0) + 2**64)
for text in ["::", "::1", "1::", "1:0:0:1::", "1:0:0:1:0:0:0:1", "0:0:1:0:0:0:1:0",
             "1:0:1:0:1:0:1:0", "0:0:0:0:0:0:0:1", "1:2:3:4:5:6:7:8", "ABCD:EF01::",
             "::ffff:1.2.3.4", "::1.2.3.4", "1:2:3:4:5:6:7.8.9.10", "fe80::1%eth0",
             "fe80::1%1", "FE80::1%Eth0"]:
    addr = IPv6Address(text)
    show("IPv6Address(%r)" % text, lambda: (str(addr), addr.scope_id, addr.ipv4_mapped,
                                            addr.sixtofour, addr.teredo))
show("exploded with scope", lambda: IPv6Address("fe80::1%eth0").exploded)
show("scoped ==", lambda: IPv6Address("fe80::1%eth0") == IPv6Address("fe80::1"))
show("scoped == same", lambda: IPv6Address("fe80::1%eth0") == IPv6Address("fe80::1%eth0"))
show("scoped <", lambda: IPv6Address("fe80::1%eth0") < IPv6Address("fe80::2"))
show("teredo", lambda: IPv6Address("2001:0000:4136:e378:8000:63bf:3fff:fdd2").teredo)
show("sixtofour", lambda: IPv6Address("2002:c000:0204::1").sixtofour)
for spec in ["", "s", ">45s", "b", "x", "X", "n", "#x", "_x", "#_n", "#_b"]:
    show("format(b, %r)" % spec, lambda: format(b, spec))

print("-- IPv6 special ranges")
props6 = props + ["is_site_local"]
for text in ["::", "::1", "::2", "::ffff:10.0.0.1", "::ffff:8.8.8.8", "64:ff9b::1",
             "100::", "100::ffff:ffff:ffff:ffff", "100:0:0:1::", "2001::", "2001:1ff::",
             "2001:200::", "2001:2::", "2001:3::", "2001:10::1", "2001:20::1",
             "2001:db8::1", "2002::1", "2606:4700::1111", "fbff::", "fc00::", "fdff::1",
             "fe00::", "fe7f::", "fe80::1", "febf::", "fec0::1", "feff::", "ff00::",
             "ff02::1", "4000::", "e000::", "f000::", "f800::", "ffff::"]:
    addr = IPv6Address(text)
    print(text.ljust(26), " ".join(p[3:] for p in props6 if getattr(addr, p)))

print("-- IPv4Network")
n = IPv4Network("192.168.0.0/22")
print(n, repr(n), n.version, n.max_prefixlen, n.prefixlen, n.num_addresses)
print(n.network_address, n.broadcast_address, n.netmask, n.hostmask)
print(n.with_prefixlen, n.with_netmask, n.with_hostmask)
print(n.compressed, n.exploded, n.reverse_pointer)
print(n[0], n[1], n[-1], n[-2], n[1023], n[-1024])
show("n[1024]", lambda: n[1024])
show("n[-1025]", lambda: n[-1025])
show("n['a']", lambda: n["a"])
show("n[1:2]", lambda: n[1:2])
print(list(IPv4Network("10.0.0.0/30")), list(IPv4Network("10.0.0.0/30").hosts()))
print(list(IPv4Network("10.0.0.0/31").hosts()), list(IPv4Network("10.0.0.5/32").hosts()))
print(len(list(n.hosts())), sum(1 for _ in n))
print(list(n.subnets()))
print(list(n.subnets(prefixlen_diff=2)))
print(list(n.subnets(new_prefix=24)))
print(list(IPv4Network("10.0.0.1/32").subnets()))
print(n.supernet(), n.supernet(prefixlen_diff=6), n.supernet(new_prefix=16))
print(IPv4Network("0.0.0.0/0").supernet(), IPv4Network("10.0.0.0/8").supernet(new_prefix=0))
show("subnets(new_prefix=20)", lambda: n.subnets(new_prefix=20))
show("subnets(prefixlen_diff=11)", lambda: n.subnets(prefixlen_diff=11))
show("subnets(prefixlen_diff=-1)", lambda: n.subnets(prefixlen_diff=-1))
show("subnets(2, 24)", lambda: n.subnets(2, 24))
show("supernet(new_prefix=23)", lambda: n.supernet(new_prefix=23))
show("supernet(23)", lambda: n.supernet(23))
show("supernet(2, 8)", lambda: n.supernet(2, 8))
print(IPv4Network("192.168.1.0/24") in [n], IPv4Address("192.168.3.255") in n,
      IPv4Address("192.168.4.0") in n, IPv4Network("192.168.1.0/24") in n,
      IPv6Address("::1") in n, IPv4Interface("192.168.1.1/8") in n)
show("'192.168.1.1' in n", lambda: "192.168.1.1" in n)
for other in ["192.168.1.0/24", "192.168.0.0/16", "192.168.4.0/24", "192.168.3.128/25",
              "10.0.0.0/8", "192.168.0.0/22"]:
    o = IPv4Network(other)
    print(other.ljust(18), n.overlaps(o), n.subnet_of(o), n.supernet_of(o),
          o.subnet_of(n), n.compare_networks(o), o.compare_networks(n))
show("subnet_of(v6)", lambda: n.subnet_of(IPv6Network("::/0")))
show("subnet_of(address)", lambda: n.subnet_of(IPv4Address("1.2.3.4")))
show("compare_networks(v6)", lambda: n.compare_networks(IPv6Network("::/0")))
show("overlaps(address)", lambda: n.overlaps(IPv4Address("192.168.0.1")))
print(list(n.address_exclude(IPv4Network("192.168.1.128/25"))))
print(list(IPv4Network("10.0.0.0/8").address_exclude(IPv4Network("10.1.2.3/32"))))
print(list(n.address_exclude(n)))
show("address_exclude(outside)", lambda: n.address_exclude(IPv4Network("10.0.0.0/24")))
show("address_exclude(v6)", lambda: n.address_exclude(IPv6Network("::/64")))
show("address_exclude(address)", lambda: n.address_exclude(IPv4Address("192.168.0.1")))
for text in ["10.0.0.0/8", "10.0.0.0/7", "100.64.0.0/10", "100.64.0.0/11", "0.0.0.0/0",
             "127.0.0.0/8", "127.0.0.0/30", "169.254.1.0/24", "224.0.0.0/4", "224.0.0.0/3",
             "240.0.0.0/4", "0.0.0.0/32", "255.255.255.254/31"]:
    net = IPv4Network(text)
    print(text.ljust(18), " ".join(p[3:] for p in props if getattr(net, p)))

print("-- IPv6Network")
m = IPv6Network("2001:db8:1234::/48")
print(m, repr(m), m.prefixlen, m.num_addresses)
print(m.network_address, m.broadcast_address)
print(m.netmask, m.hostmask)
print(m.with_prefixlen, m.with_netmask, m.with_hostmask)
print(m.exploded)
print(m.reverse_pointer)
print(m[0], m[1], m[-1], m[2**80 - 1])
show("m[2**80]", lambda: m[2**80])
print(list(IPv6Network("2001:db8::/126")), list(IPv6Network("2001:db8::/126").hosts()))
print(list(IPv6Network("2001:db8::/127").hosts()), list(IPv6Network("2001:db8::1/128").hosts()))
print(list(m.subnets(new_prefix=50)))
print(m.supernet(), m.supernet(new_prefix=32), IPv6Network("::/0").supernet())
for text in ["fe80::/10", "fe80::/9", "fec0::/10", "ff00::/8", "::/127", "::1/128",
             "::/128", "::ffff:0:0/96", "::ffff:8.8.8.0/120", "2001:db8::/32", "::/0",
             "2001::/23", "2001::/22", "fc00::/7"]:
    net = IPv6Network(text)
    print(text.ljust(18), " ".join(p[3:] for p in props6 if getattr(net, p)))
print(list(IPv6Network("2001:db8::/125").address_exclude(IPv6Network("2001:db8::4/127"))))

print("-- interfaces")
i = IPv4Interface("192.0.2.5/24")
print(i, repr(i), i.ip, i.network, i.netmask, i.hostmask, i.prefixlen if hasattr(i, "prefixlen") else "-")
print(i.with_prefixlen, i.with_netmask, i.with_hostmask, i.compressed, i.exploded)
print(int(i), i.packed, i.version, i.reverse_pointer, format(i, "x"), format(i, ">22s"))
print(i + 1, i - 5, i.is_private, i.is_global, i.is_unspecified)
print(i == IPv4Interface("192.0.2.5/24"), i == IPv4Interface("192.0.2.5/25"),
      i == IPv4Address("192.0.2.5"), IPv4Address("192.0.2.5") == i, i == i.ip)
print(i < IPv4Interface("192.0.2.6/24"), i < IPv4Interface("192.0.2.4/25"),
      i < IPv4Interface("192.0.2.4/23"), i > IPv4Interface("192.0.2.4/24"),
      i <= IPv4Interface("192.0.2.5/24"))
show("interface < address", lambda: i < IPv4Address("192.0.2.6"))
show("address < interface", lambda: IPv4Address("192.0.2.4") < i)
show("interface < network", lambda: i < IPv4Network("192.0.2.0/24"))
print(IPv4Interface("0.0.0.0/0").is_unspecified, IPv4Address("0.0.0.0").is_unspecified)
j = IPv6Interface("2001:db8::5/64")
print(j, repr(j), j.ip, j.network, j.netmask, j.hostmask)
print(j.with_prefixlen, j.with_netmask, j.with_hostmask)
print(j.exploded)
print(IPv6Interface("::/0").is_unspecified, IPv6Interface("::/128").is_unspecified,
      IPv6Interface("::1/64").is_loopback, IPv6Interface("::1/128").is_loopback)
k = IPv6Interface("fe80::1%eth0/64")
print(k, k.ip, k.network, k.scope_id, k.with_prefixlen, k.exploded)

print("-- comparisons and hashing")
addrs = [IPv4Address("10.0.0.2"), IPv4Address("10.0.0.1"), IPv4Address("9.255.255.255")]
print(sorted(addrs), min(addrs), max(addrs))
print(IPv4Address("1.2.3.4") == IPv4Address("1.2.3.4"), IPv4Address("1.2.3.4") != IPv4Address("1.2.3.5"),
      IPv4Address("1.2.3.4") <= IPv4Address("1.2.3.4"), IPv4Address("1.2.3.4") >= IPv4Address("1.2.3.5"))
print(IPv4Address("0.0.0.1") == IPv6Address("::1"), IPv4Address("1.2.3.4") == "1.2.3.4",
      IPv4Network("1.2.3.0/24") == IPv4Network("1.2.3.0/24"),
      IPv4Network("1.2.3.0/24") == IPv4Network("1.2.3.0/25"),
      IPv4Network("1.2.3.0/32") == IPv4Address("1.2.3.0"))
show("v4 < v6", lambda: IPv4Address("1.2.3.4") < IPv6Address("::1"))
show("v4 >= v6", lambda: IPv4Address("1.2.3.4") >= IPv6Address("::1"))
show("address < network", lambda: IPv4Address("1.2.3.4") < IPv4Network("1.2.3.0/24"))
show("network > address", lambda: IPv4Network("1.2.3.0/24") > IPv4Address("1.2.3.4"))
show("v4 net < v6 net", lambda: IPv4Network("1.2.3.0/24") < IPv6Network("::/0"))
show("address < int", lambda: IPv4Address("1.2.3.4") < 5)
nets = [IPv4Network("10.0.0.0/16"), IPv4Network("10.0.0.0/8"), IPv4Network("9.0.0.0/8"),
        IPv4Network("10.0.0.0/24")]
print(sorted(nets))
mixed = [IPv6Network("::/64"), IPv4Address("10.0.0.1"), IPv4Network("10.0.0.0/8"),
         IPv6Address("::1"), IPv4Address("9.9.9.9")]
print(sorted(mixed, key=ipaddress.get_mixed_type_key))
print(ipaddress.get_mixed_type_key(IPv4Address("1.2.3.4")),
      ipaddress.get_mixed_type_key(IPv6Network("::/64")),
      ipaddress.get_mixed_type_key("x"))
seen = {IPv4Address("1.2.3.4"), IPv4Address("1.2.3.4"), IPv6Address("::1"),
        IPv6Address("::1"), IPv6Address("::1%1"), IPv4Network("1.2.3.0/24"),
        IPv4Network("1.2.3.0/24"), IPv4Interface("1.2.3.4/24"), IPv4Interface("1.2.3.4/24")}
print(len(seen))
d = {IPv4Network("10.0.0.0/8"): "ten", IPv6Network("::/0"): "all"}
print(d[ip_network("10.0.0.0/8")], d[ip_network("::/0")])
print(hash(IPv4Address("1.2.3.4")) == hash(ip_address("1.2.3.4")),
      hash(IPv6Interface("::1/64")) == hash(IPv6Interface("::1/64")))

print("-- pickle and copy")
for obj in [IPv4Address("1.2.3.4"), IPv6Address("fe80::1%eth0"), IPv4Network("1.2.3.0/24"),
            IPv6Network("2001:db8::/32"), IPv4Interface("1.2.3.4/24"),
            IPv6Interface("fe80::1%eth0/64")]:
    back = pickle.loads(pickle.dumps(obj))
    print(repr(back), back == obj, copy.copy(obj) == obj, copy.deepcopy(obj) == obj,
          obj.__reduce__()[1])

print("-- module functions")
print(ipaddress.v4_int_to_packed(3232235521), ipaddress.v6_int_to_packed(1))
show("v4_int_to_packed(2**32)", lambda: ipaddress.v4_int_to_packed(2**32))
show("v4_int_to_packed(-1)", lambda: ipaddress.v4_int_to_packed(-1))
show("v6_int_to_packed(2**128)", lambda: ipaddress.v6_int_to_packed(2**128))
S = ipaddress.summarize_address_range
show("summarize 1", lambda: S(IPv4Address("192.0.2.0"), IPv4Address("192.0.2.130")))
show("summarize 2", lambda: S(IPv4Address("192.0.2.1"), IPv4Address("192.0.2.14")))
show("summarize 3", lambda: S(IPv4Address("0.0.0.0"), IPv4Address("255.255.255.255")))
show("summarize 4", lambda: S(IPv4Address("255.255.255.254"), IPv4Address("255.255.255.255")))
show("summarize 5", lambda: S(IPv6Address("2001:db8::1"), IPv6Address("2001:db8::ff")))
show("summarize 6", lambda: S(IPv6Address("::"), IPv6Address("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")))
show("summarize same", lambda: S(IPv4Address("1.1.1.1"), IPv4Address("1.1.1.1")))
show("summarize reversed", lambda: S(IPv4Address("1.1.1.5"), IPv4Address("1.1.1.1")))
show("summarize versions", lambda: S(IPv4Address("1.1.1.1"), IPv6Address("::1")))
show("summarize network", lambda: S(IPv4Network("1.1.1.0/24"), IPv4Address("1.1.1.1")))
C = ipaddress.collapse_addresses
show("collapse 1", lambda: C([IPv4Network("192.0.2.0/25"), IPv4Network("192.0.2.128/25")]))
show("collapse 2", lambda: C([IPv4Address("10.0.0.%d" % x) for x in range(0, 256, 1) if x != 77]))
show("collapse 3", lambda: C([IPv4Network("10.0.0.0/24"), IPv4Network("10.0.0.0/25"),
                              IPv4Network("10.0.1.0/24"), IPv4Network("10.0.2.0/23"),
                              IPv4Address("10.0.4.0"), IPv4Network("10.0.4.1/32")]))
show("collapse 4", lambda: C([IPv6Network("2001:db8::/33"), IPv6Network("2001:db8:8000::/33"),
                              IPv6Address("::1"), IPv6Address("::")]))
show("collapse 5", lambda: C([IPv4Interface("10.0.0.1/24"), IPv4Interface("10.0.0.2/24")]))
show("collapse empty", lambda: C([]))
show("collapse versions 1", lambda: C([IPv4Address("1.1.1.1"), IPv6Address("::1")]))
show("collapse versions 2", lambda: C([IPv4Network("1.1.1.0/24"), IPv6Network("::/64")]))
show("collapse versions 3", lambda: C([IPv4Address("1.1.1.1"), IPv6Network("::/64")]))
show("collapse versions 4", lambda: C([IPv6Network("::/64"), IPv4Address("1.1.1.1"),
                                       IPv4Address("1.1.1.3"), IPv6Network("1::/64"),
                                       IPv4Address("2.1.1.3")]))
