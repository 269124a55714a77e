"""IPv4 and IPv6 addresses, networks and interfaces, as CPython 3.11's
`ipaddress`.

The classes, their properties, the module functions, the printed forms
(`str`, `repr`, `format`) and the exception messages are CPython's, down to
the order in which a malformed address's faults are reported.  The special
ranges (`is_private`, `is_global`, `is_reserved`...) are the ones CPython
3.11.7 uses; they are kept as integer bounds.  Addresses print IPv4-mapped
IPv6 addresses in hexadecimal (`::ffff:102:304`) as 3.11 does, and a scoped
IPv6 address (`fe80::1%eth0`) cannot be exploded, as in 3.11.
"""

import functools as _functools

__all__ = [
    "AddressValueError", "NetmaskValueError", "IPV4LENGTH", "IPV6LENGTH",
    "IPv4Address", "IPv6Address", "IPv4Network", "IPv6Network",
    "IPv4Interface", "IPv6Interface", "ip_address", "ip_network",
    "ip_interface", "v4_int_to_packed", "v6_int_to_packed",
    "summarize_address_range", "collapse_addresses", "get_mixed_type_key",
]

IPV4LENGTH = 32
IPV6LENGTH = 128


class AddressValueError(ValueError):
    """An address that cannot be parsed or is out of range."""


class NetmaskValueError(ValueError):
    """A netmask or prefix length that cannot be parsed or is out of range."""


# -- factory functions ------------------------------------------------------

def ip_address(address):
    """IPv4Address or IPv6Address from a str, an int or packed bytes."""
    for cls in (IPv4Address, IPv6Address):
        try:
            return cls(address)
        except (AddressValueError, NetmaskValueError):
            pass
    raise ValueError(
        f"{address!r} does not appear to be an IPv4 or IPv6 address")


def ip_network(address, strict=True):
    """IPv4Network or IPv6Network; `strict` rejects host bits."""
    for cls in (IPv4Network, IPv6Network):
        try:
            return cls(address, strict)
        except (AddressValueError, NetmaskValueError):
            pass
    raise ValueError(
        f"{address!r} does not appear to be an IPv4 or IPv6 network")


def ip_interface(address):
    """IPv4Interface or IPv6Interface."""
    for cls in (IPv4Interface, IPv6Interface):
        try:
            return cls(address)
        except (AddressValueError, NetmaskValueError):
            pass
    raise ValueError(
        f"{address!r} does not appear to be an IPv4 or IPv6 interface")


def v4_int_to_packed(address):
    """The 4 bytes, most significant first, of an int address."""
    try:
        return address.to_bytes(4, "big")
    except OverflowError:
        raise ValueError("Address negative or too large for IPv4") from None


def v6_int_to_packed(address):
    """The 16 bytes, most significant first, of an int address."""
    try:
        return address.to_bytes(16, "big")
    except OverflowError:
        raise ValueError("Address negative or too large for IPv6") from None


def _split_optional_netmask(address):
    parts = str(address).split("/")
    if len(parts) > 2:
        raise AddressValueError(f"Only one '/' permitted in {address!r}")
    return parts


def _trailing_zero_bits(number, bits):
    # Trailing zero bits of `number`, at most `bits`.
    if number == 0:
        return bits
    return min(bits, (~number & (number - 1)).bit_length())


def summarize_address_range(first, last):
    """Iterator of the fewest networks that cover first..last exactly."""
    if not (isinstance(first, _BaseAddress) and isinstance(last, _BaseAddress)):
        raise TypeError("first and last must be IP addresses, not networks")
    if first.version != last.version:
        raise TypeError("%s and %s are not of the same version" % (first, last))
    if first > last:
        raise ValueError("last IP address must be greater than first")
    if first.version == 4:
        net_class = IPv4Network
    elif first.version == 6:
        net_class = IPv6Network
    else:
        raise ValueError("unknown IP version")
    bits = first._max_prefixlen
    lo = first._ip
    hi = last._ip
    while lo <= hi:
        # The biggest aligned block starting at lo that does not pass hi.
        size_bits = min(_trailing_zero_bits(lo, bits),
                        (hi - lo + 1).bit_length() - 1)
        yield net_class((lo, bits - size_bits))
        lo += 1 << size_bits
        if lo - 1 == net_class._ALL_ONES:
            break


def _sort(items):
    # sorted(), making the comparisons CPython's list.sort makes for fewer
    # than 64 items (a first run, then binary insertion): networks of two
    # versions raise a TypeError naming the same pair as CPython's.
    n = len(items)
    if n >= 64 or n < 2:
        return sorted(items)
    run = 2
    if items[1] < items[0]:
        while run < n and items[run] < items[run - 1]:
            run += 1
        items[:run] = items[run - 1::-1]
    else:
        while run < n and not items[run] < items[run - 1]:
            run += 1
    for i in range(run, n):
        pivot = items[i]
        lo = 0
        hi = i
        while lo < hi:
            mid = (lo + hi) >> 1
            if pivot < items[mid]:
                hi = mid
            else:
                lo = mid + 1
        del items[i]
        items.insert(lo, pivot)
    return items


def _merge_networks(networks):
    # Two halves of a network become that network, repeatedly; then the
    # networks inside another one are dropped.  Keyed by supernet.
    pending = list(networks)
    by_supernet = {}
    while pending:
        net = pending.pop()
        parent = net.supernet()
        other = by_supernet.get(parent)
        if other is None:
            by_supernet[parent] = net
        elif other != net:
            del by_supernet[parent]
            pending.append(parent)
    last = None
    for net in _sort(list(by_supernet.values())):
        if last is not None and last.broadcast_address >= net.broadcast_address:
            continue
        yield net
        last = net


def collapse_addresses(addresses):
    """Iterator of the fewest networks covering the given addresses and
    networks (all of one IP version)."""
    singles = []
    nets = []
    for ip in addresses:
        if isinstance(ip, _BaseAddress):
            if singles and singles[-1]._version != ip._version:
                raise TypeError("%s and %s are not of the same version"
                                % (ip, singles[-1]))
            singles.append(ip)
        elif ip._prefixlen == ip._max_prefixlen:
            # A one-address network counts as its address.
            if singles and singles[-1]._version != ip._version:
                raise TypeError("%s and %s are not of the same version"
                                % (ip, singles[-1]))
            try:
                singles.append(ip.ip)
            except AttributeError:
                singles.append(ip.network_address)
        else:
            if nets and nets[-1]._version != ip._version:
                raise TypeError("%s and %s are not of the same version"
                                % (ip, nets[-1]))
            nets.append(ip)
    # Runs of consecutive addresses become ranges of networks.
    ranges = []
    singles = sorted(set(singles))
    if singles:
        first = last = singles[0]
        for ip in singles[1:]:
            if ip._ip != last._ip + 1:
                ranges.extend(summarize_address_range(first, last))
                first = ip
            last = ip
        ranges.extend(summarize_address_range(first, last))
    return _merge_networks(ranges + nets)


def get_mixed_type_key(obj):
    """A sort key under which networks and addresses of both versions can
    be sorted together."""
    if isinstance(obj, _BaseNetwork):
        return obj._get_networks_key()
    if isinstance(obj, _BaseAddress):
        return obj._get_address_key()
    return NotImplemented


# -- base classes -----------------------------------------------------------

class _IPAddressBase:
    """What addresses, networks and interfaces of both versions share."""

    __slots__ = ()

    @property
    def exploded(self):
        """The long form: every octet or every hextet, four digits each."""
        return self._explode_shorthand_ip_string()

    @property
    def compressed(self):
        """The short form, as str() gives it."""
        return str(self)

    @property
    def reverse_pointer(self):
        """The name of the reverse DNS PTR record."""
        return self._reverse_pointer()

    @property
    def version(self):
        return self._version

    @property
    def max_prefixlen(self):
        return self._max_prefixlen

    def _check_int_address(self, address):
        if address < 0:
            raise AddressValueError("%d (< 0) is not permitted as an IPv%d address"
                                    % (address, self._version))
        if address > self._ALL_ONES:
            raise AddressValueError(
                "%d (>= 2**%d) is not permitted as an IPv%d address"
                % (address, self._max_prefixlen, self._version))

    def _check_packed_address(self, address, expected_len):
        if len(address) != expected_len:
            raise AddressValueError(
                "%r (len %d != %d) is not permitted as an IPv%d address"
                % (address, len(address), expected_len, self._version))

    @classmethod
    def _ip_int_from_prefix(cls, prefixlen):
        return cls._ALL_ONES ^ (cls._ALL_ONES >> prefixlen)

    @classmethod
    def _prefix_from_ip_int(cls, ip_int):
        # The prefix length of a netmask: ones then zeros, nothing else.
        zeros = _trailing_zero_bits(ip_int, cls._max_prefixlen)
        prefixlen = cls._max_prefixlen - zeros
        if ip_int >> zeros != (1 << prefixlen) - 1:
            raise ValueError("Netmask pattern %r mixes zeroes & ones"
                             % ip_int.to_bytes(cls._max_prefixlen // 8, "big"))
        return prefixlen

    @classmethod
    def _report_invalid_netmask(cls, netmask):
        raise NetmaskValueError("%r is not a valid netmask" % netmask) from None

    @classmethod
    def _prefix_from_prefix_string(cls, text):
        # Only ASCII digits: int() would take " 24", "+24" or Arabic digits.
        if not (text.isascii() and text.isdigit()):
            cls._report_invalid_netmask(text)
        try:
            prefixlen = int(text)
        except ValueError:
            cls._report_invalid_netmask(text)
        if not 0 <= prefixlen <= cls._max_prefixlen:
            cls._report_invalid_netmask(text)
        return prefixlen

    @classmethod
    def _prefix_from_ip_string(cls, text):
        # A netmask (255.255.255.0) or a host mask (0.0.0.255).
        try:
            ip_int = cls._ip_int_from_string(text)
        except AddressValueError:
            cls._report_invalid_netmask(text)
        try:
            return cls._prefix_from_ip_int(ip_int)
        except ValueError:
            pass
        try:
            return cls._prefix_from_ip_int(ip_int ^ cls._ALL_ONES)
        except ValueError:
            cls._report_invalid_netmask(text)

    @classmethod
    def _split_addr_prefix(cls, address):
        # (address, prefix) from "addr/prefix", a tuple, an int or bytes.
        if isinstance(address, (bytes, int)):
            return address, cls._max_prefixlen
        if not isinstance(address, tuple):
            address = _split_optional_netmask(address)
        if len(address) > 1:
            return address
        return address[0], cls._max_prefixlen

    def __reduce__(self):
        return self.__class__, (str(self),)


@_functools.total_ordering
class _BaseAddress(_IPAddressBase):
    """A single address; ordered, hashable, and int arithmetic."""

    __slots__ = ()

    def __int__(self):
        return self._ip

    def __eq__(self, other):
        try:
            return self._ip == other._ip and self._version == other._version
        except AttributeError:
            return NotImplemented

    def __lt__(self, other):
        if not isinstance(other, _BaseAddress):
            return NotImplemented
        if self._version != other._version:
            raise TypeError("%s and %s are not of the same version"
                            % (self, other))
        return self._ip < other._ip

    def __add__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return self.__class__(int(self) + other)

    def __sub__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return self.__class__(int(self) - other)

    def __repr__(self):
        return "%s(%r)" % (self.__class__.__name__, str(self))

    def __str__(self):
        return str(self._string_from_ip_int(self._ip))

    def __hash__(self):
        return hash((self._version, self._ip))

    def _get_address_key(self):
        return (self._version, self)

    def __reduce__(self):
        return self.__class__, (self._ip,)

    def __format__(self, fmt):
        # "" or ending in "s": the text; else [#][_](b|x|X|n) gives the int
        # in binary or hex, zero-padded to the address width ("n" is binary
        # for IPv4 and hex for IPv6).
        if not fmt or fmt[-1] == "s":
            return format(str(self), fmt)
        rest = fmt
        alternate = rest[:1] == "#"
        if alternate:
            rest = rest[1:]
        grouping = rest[:1] == "_"
        if grouping:
            rest = rest[1:]
        if rest not in ("b", "x", "X", "n"):
            return super().__format__(fmt)
        if rest == "n":
            rest = "b" if self._version == 4 else "x"
        width = self._max_prefixlen if rest == "b" else self._max_prefixlen // 4
        if grouping:
            width += width // 4 - 1
        if alternate:
            width += 2
        spec = "%s0%d%s%s" % ("#" if alternate else "", width,
                              "_" if grouping else "", rest)
        return format(int(self), spec)


@_functools.total_ordering
class _BaseNetwork(_IPAddressBase):
    """A network: an address and a prefix length, with no host bits."""

    def __repr__(self):
        return "%s(%r)" % (self.__class__.__name__, str(self))

    def __str__(self):
        return "%s/%d" % (self.network_address, self.prefixlen)

    def hosts(self):
        """Iterator of the usable hosts: not the network address nor (IPv4)
        the broadcast address."""
        # (while loops: gilpy's range() is limited to 64-bit ints)
        x = int(self.network_address) + 1
        last = int(self.broadcast_address)
        while x < last:
            yield self._address_class(x)
            x += 1

    def __iter__(self):
        x = int(self.network_address)
        last = int(self.broadcast_address)
        while x <= last:
            yield self._address_class(x)
            x += 1

    def __getitem__(self, n):
        first = int(self.network_address)
        last = int(self.broadcast_address)
        if n >= 0:
            if first + n > last:
                raise IndexError("address out of range")
            return self._address_class(first + n)
        n += 1
        if last + n < first:
            raise IndexError("address out of range")
        return self._address_class(last + n)

    def __lt__(self, other):
        if not isinstance(other, _BaseNetwork):
            return NotImplemented
        if self._version != other._version:
            raise TypeError("%s and %s are not of the same version"
                            % (self, other))
        if self.network_address != other.network_address:
            return self.network_address < other.network_address
        if self.netmask != other.netmask:
            return self.netmask < other.netmask
        return False

    def __eq__(self, other):
        try:
            return (self._version == other._version
                    and self.network_address == other.network_address
                    and int(self.netmask) == int(other.netmask))
        except AttributeError:
            return NotImplemented

    def __hash__(self):
        return hash(int(self.network_address) ^ int(self.netmask))

    def __contains__(self, other):
        # Addresses only: a network is never "in" another (see subnet_of).
        if isinstance(other, _BaseNetwork):
            return False
        if self._version != other._version:
            return False
        return other._ip & self.netmask._ip == self.network_address._ip

    def overlaps(self, other):
        """Whether the two networks share an address."""
        return (self.network_address in other
                or self.broadcast_address in other
                or other.network_address in self
                or other.broadcast_address in self)

    @_functools.cached_property
    def broadcast_address(self):
        return self._address_class(int(self.network_address) | int(self.hostmask))

    @_functools.cached_property
    def hostmask(self):
        return self._address_class(int(self.netmask) ^ self._ALL_ONES)

    @property
    def with_prefixlen(self):
        return "%s/%d" % (self.network_address, self._prefixlen)

    @property
    def with_netmask(self):
        return "%s/%s" % (self.network_address, self.netmask)

    @property
    def with_hostmask(self):
        return "%s/%s" % (self.network_address, self.hostmask)

    @property
    def num_addresses(self):
        return int(self.broadcast_address) - int(self.network_address) + 1

    @property
    def prefixlen(self):
        return self._prefixlen

    def address_exclude(self, other):
        """Iterator of the networks that make up self without `other`, a
        subnet of it, biggest first."""
        if self._version != other._version:
            raise TypeError("%s and %s are not of the same version"
                            % (self, other))
        if not isinstance(other, _BaseNetwork):
            raise TypeError("%s is not a network object" % other)
        if not other.subnet_of(self):
            raise ValueError("%s not contained in %s" % (other, self))
        if other == self:
            return
        other = other.__class__("%s/%s" % (other.network_address, other.prefixlen))
        # Halve the network, keep the half without `other`, go on in the
        # half with it.
        lower, upper = self.subnets()
        while lower != other and upper != other:
            if other.subnet_of(lower):
                yield upper
                lower, upper = lower.subnets()
            elif other.subnet_of(upper):
                yield lower
                lower, upper = upper.subnets()
            else:
                raise AssertionError("Error performing exclusion: s1: %s s2: %s other: %s"
                                     % (lower, upper, other))
        if lower == other:
            yield upper
        elif upper == other:
            yield lower
        else:
            raise AssertionError("Error performing exclusion: s1: %s s2: %s other: %s"
                                 % (lower, upper, other))

    def compare_networks(self, other):
        """-1, 0 or 1 as self orders before, with or after `other`, by
        network address then netmask."""
        if self._version != other._version:
            raise TypeError("%s and %s are not of the same type" % (self, other))
        if self.network_address < other.network_address:
            return -1
        if self.network_address > other.network_address:
            return 1
        if self.netmask < other.netmask:
            return -1
        if self.netmask > other.netmask:
            return 1
        return 0

    def _get_networks_key(self):
        return (self._version, self.network_address, self.netmask)

    def subnets(self, prefixlen_diff=1, new_prefix=None):
        """Iterator of the subnets `prefixlen_diff` bits longer (or of
        prefix length `new_prefix`)."""
        if self._prefixlen == self._max_prefixlen:
            yield self
            return
        if new_prefix is not None:
            if new_prefix < self._prefixlen:
                raise ValueError("new prefix must be longer")
            if prefixlen_diff != 1:
                raise ValueError("cannot set prefixlen_diff and new_prefix")
            prefixlen_diff = new_prefix - self._prefixlen
        if prefixlen_diff < 0:
            raise ValueError("prefix length diff must be > 0")
        new_prefixlen = self._prefixlen + prefixlen_diff
        if new_prefixlen > self._max_prefixlen:
            raise ValueError("prefix length diff %d is invalid for netblock %s"
                             % (new_prefixlen, self))
        net = int(self.network_address)
        stop = int(self.broadcast_address) + 1
        step = (int(self.hostmask) + 1) >> prefixlen_diff
        while net < stop:
            yield self.__class__((net, new_prefixlen))
            net += step

    def supernet(self, prefixlen_diff=1, new_prefix=None):
        """The network `prefixlen_diff` bits shorter (or of prefix length
        `new_prefix`) that contains this one."""
        if self._prefixlen == 0:
            return self
        if new_prefix is not None:
            if new_prefix > self._prefixlen:
                raise ValueError("new prefix must be shorter")
            if prefixlen_diff != 1:
                raise ValueError("cannot set prefixlen_diff and new_prefix")
            prefixlen_diff = self._prefixlen - new_prefix
        new_prefixlen = self.prefixlen - prefixlen_diff
        if new_prefixlen < 0:
            raise ValueError("current prefixlen is %d, cannot have a prefixlen_diff of %d"
                             % (self.prefixlen, prefixlen_diff))
        return self.__class__(
            (int(self.network_address) & (int(self.netmask) << prefixlen_diff),
             new_prefixlen))

    @staticmethod
    def _is_subnet_of(a, b):
        try:
            if a._version != b._version:
                raise TypeError(f"{a} and {b} are not of the same version")
            return (b.network_address <= a.network_address
                    and b.broadcast_address >= a.broadcast_address)
        except AttributeError:
            raise TypeError(f"Unable to test subnet containment "
                            f"between {a} and {b}")

    def subnet_of(self, other):
        """Whether this network is inside `other`."""
        return self._is_subnet_of(self, other)

    def supernet_of(self, other):
        """Whether `other` is inside this network."""
        return self._is_subnet_of(other, self)

    @property
    def is_reserved(self):
        return (self.network_address.is_reserved
                and self.broadcast_address.is_reserved)

    @property
    def is_link_local(self):
        return (self.network_address.is_link_local
                and self.broadcast_address.is_link_local)

    @property
    def is_private(self):
        # Inside one of the private networks (not across two of them).
        first = int(self.network_address)
        last = int(self.broadcast_address)
        for lo, hi in self._private_ranges:
            if lo <= first and last <= hi:
                return True
        return False

    @property
    def is_global(self):
        return not self.is_private

    @property
    def is_unspecified(self):
        return (self.network_address.is_unspecified
                and self.broadcast_address.is_unspecified)

    @property
    def is_loopback(self):
        return (self.network_address.is_loopback
                and self.broadcast_address.is_loopback)

    @property
    def is_multicast(self):
        return (self.network_address.is_multicast
                and self.broadcast_address.is_multicast)


def _in_ranges(ip, ranges):
    for first, last in ranges:
        if first <= ip <= last:
            return True
    return False


def _ranges(cls, texts):
    # (first, last) ints of each network in CIDR notation.
    out = []
    for text in texts:
        addr, prefix = text.split("/")
        first = cls._ip_int_from_string(addr)
        out.append((first, first | (cls._ALL_ONES >> int(prefix))))
    return out


# -- IPv4 -------------------------------------------------------------------

class _BaseV4:
    """What IPv4 addresses, networks and interfaces share."""

    __slots__ = ()
    _version = 4
    _ALL_ONES = (1 << IPV4LENGTH) - 1
    _max_prefixlen = IPV4LENGTH
    _netmask_cache = {}

    def _explode_shorthand_ip_string(self):
        return str(self)

    @classmethod
    def _make_netmask(cls, arg):
        """(netmask address, prefix length) from a prefix length (int or
        str), a netmask or a host mask."""
        cached = cls._netmask_cache.get(arg)
        if cached is None:
            if isinstance(arg, int):
                prefixlen = arg
                if not 0 <= prefixlen <= cls._max_prefixlen:
                    cls._report_invalid_netmask(prefixlen)
            else:
                try:
                    prefixlen = cls._prefix_from_prefix_string(arg)
                except NetmaskValueError:
                    prefixlen = cls._prefix_from_ip_string(arg)
            cached = (IPv4Address(cls._ip_int_from_prefix(prefixlen)), prefixlen)
            cls._netmask_cache[arg] = cached
        return cached

    @classmethod
    def _ip_int_from_string(cls, text):
        if not text:
            raise AddressValueError("Address cannot be empty")
        octets = text.split(".")
        if len(octets) != 4:
            raise AddressValueError("Expected 4 octets in %r" % text)
        value = 0
        for octet in octets:
            try:
                value = (value << 8) | cls._parse_octet(octet)
            except ValueError as exc:
                raise AddressValueError("%s in %r" % (exc, text)) from None
        return value

    @classmethod
    def _parse_octet(cls, text):
        if not text:
            raise ValueError("Empty octet not permitted")
        if not (text.isascii() and text.isdigit()):
            raise ValueError("Only decimal digits permitted in %r" % text)
        if len(text) > 3:
            raise ValueError("At most 3 characters permitted in %r" % text)
        # "010" could be read as octal by other tools: refuse it.
        if text != "0" and text[0] == "0":
            raise ValueError("Leading zeros are not permitted in %r" % text)
        value = int(text, 10)
        if value > 255:
            raise ValueError("Octet %d (> 255) not permitted" % value)
        return value

    @classmethod
    def _string_from_ip_int(cls, ip_int):
        return ".".join(map(str, ip_int.to_bytes(4, "big")))

    def _reverse_pointer(self):
        return ".".join(reversed(str(self).split("."))) + ".in-addr.arpa"


class IPv4Address(_BaseV4, _BaseAddress):
    """An IPv4 address, from "a.b.c.d", an int or 4 packed bytes."""

    __slots__ = ("_ip", "__weakref__")

    def __init__(self, address):
        if isinstance(address, int):
            self._check_int_address(address)
            self._ip = address
            return
        if isinstance(address, bytes):
            self._check_packed_address(address, 4)
            self._ip = int.from_bytes(address, "big")
            return
        text = str(address)
        if "/" in text:
            raise AddressValueError(f"Unexpected '/' in {address!r}")
        self._ip = self._ip_int_from_string(text)

    @property
    def packed(self):
        return v4_int_to_packed(self._ip)

    @property
    def is_reserved(self):
        return _in_ranges(self._ip, _V4_RESERVED)

    @property
    def is_private(self):
        return _in_ranges(self._ip, _V4_PRIVATE)

    @property
    def is_global(self):
        return not _in_ranges(self._ip, _V4_SHARED) and not self.is_private

    @property
    def is_multicast(self):
        return _in_ranges(self._ip, _V4_MULTICAST)

    @property
    def is_unspecified(self):
        # By equality, as CPython: an interface is never equal to an
        # address, so never unspecified.
        return self == _V4_UNSPECIFIED

    @property
    def is_loopback(self):
        return _in_ranges(self._ip, _V4_LOOPBACK)

    @property
    def is_link_local(self):
        return _in_ranges(self._ip, _V4_LINK_LOCAL)


class IPv4Interface(IPv4Address):
    """An IPv4 address on a network: "a.b.c.d/prefix" (or /netmask)."""

    def __init__(self, address):
        addr, mask = self._split_addr_prefix(address)
        IPv4Address.__init__(self, addr)
        self.network = IPv4Network((addr, mask), strict=False)
        self.netmask = self.network.netmask
        self._prefixlen = self.network._prefixlen

    @_functools.cached_property
    def hostmask(self):
        return self.network.hostmask

    def __str__(self):
        return "%s/%d" % (self._string_from_ip_int(self._ip), self._prefixlen)

    def __eq__(self, other):
        same = IPv4Address.__eq__(self, other)
        if same is NotImplemented or not same:
            return same
        try:
            return self.network == other.network
        except AttributeError:
            # An address is not equal to an interface.
            return False

    def __lt__(self, other):
        less = IPv4Address.__lt__(self, other)
        if less is NotImplemented:
            return NotImplemented
        try:
            return (self.network < other.network
                    or self.network == other.network and less)
        except AttributeError:
            return False

    def __hash__(self):
        return hash((self._ip, self._prefixlen, int(self.network.network_address)))

    __reduce__ = _IPAddressBase.__reduce__

    @property
    def ip(self):
        return IPv4Address(self._ip)

    @property
    def with_prefixlen(self):
        return "%s/%s" % (self._string_from_ip_int(self._ip), self._prefixlen)

    @property
    def with_netmask(self):
        return "%s/%s" % (self._string_from_ip_int(self._ip), self.netmask)

    @property
    def with_hostmask(self):
        return "%s/%s" % (self._string_from_ip_int(self._ip), self.hostmask)


class IPv4Network(_BaseV4, _BaseNetwork):
    """An IPv4 network, "a.b.c.d/prefix" (or /netmask, /hostmask), an
    (address, prefix) tuple, an int or packed bytes.  With `strict`, host
    bits are an error; without, they are cleared."""

    _address_class = IPv4Address

    def __init__(self, address, strict=True):
        addr, mask = self._split_addr_prefix(address)
        self.network_address = IPv4Address(addr)
        self.netmask, self._prefixlen = self._make_netmask(mask)
        packed = int(self.network_address)
        if packed & int(self.netmask) != packed:
            if strict:
                raise ValueError("%s has host bits set" % self)
            self.network_address = IPv4Address(packed & int(self.netmask))
        # A /31 has two hosts and no broadcast address; a /32 is one host.
        if self._prefixlen == self._max_prefixlen - 1:
            self.hosts = self.__iter__
        elif self._prefixlen == self._max_prefixlen:
            self.hosts = lambda: [IPv4Address(addr)]

    @property
    def is_global(self):
        shared = (_in_ranges(int(self.network_address), _V4_SHARED)
                  and _in_ranges(int(self.broadcast_address), _V4_SHARED))
        return not shared and not self.is_private


# -- IPv6 -------------------------------------------------------------------

_HEX_DIGITS = frozenset("0123456789abcdefABCDEF")


class _BaseV6:
    """What IPv6 addresses, networks and interfaces share."""

    __slots__ = ()
    _version = 6
    _ALL_ONES = (1 << IPV6LENGTH) - 1
    _HEXTET_COUNT = 8
    _HEX_DIGITS = _HEX_DIGITS
    _max_prefixlen = IPV6LENGTH
    _netmask_cache = {}

    @classmethod
    def _make_netmask(cls, arg):
        """(netmask address, prefix length) from a prefix length (int or
        str); IPv6 has no netmask notation."""
        cached = cls._netmask_cache.get(arg)
        if cached is None:
            if isinstance(arg, int):
                prefixlen = arg
                if not 0 <= prefixlen <= cls._max_prefixlen:
                    cls._report_invalid_netmask(prefixlen)
            else:
                prefixlen = cls._prefix_from_prefix_string(arg)
            cached = (IPv6Address(cls._ip_int_from_prefix(prefixlen)), prefixlen)
            cls._netmask_cache[arg] = cached
        return cached

    @classmethod
    def _ip_int_from_string(cls, text):
        if not text:
            raise AddressValueError("Address cannot be empty")
        parts = text.split(":")
        if len(parts) < 3:
            raise AddressValueError("At least 3 parts expected in %r" % text)
        # An IPv4 tail (::ffff:1.2.3.4) stands for the last two hextets.
        if "." in parts[-1]:
            try:
                v4 = IPv4Address(parts.pop())._ip
            except AddressValueError as exc:
                raise AddressValueError("%s in %r" % (exc, text)) from None
            parts.append("%x" % (v4 >> 16))
            parts.append("%x" % (v4 & 0xFFFF))
        count = cls._HEXTET_COUNT
        if len(parts) > count + 1:
            raise AddressValueError("At most %d colons permitted in %r"
                                    % (count, text))
        # An empty part inside is where "::" stands for zero hextets.
        gap = None
        for i in range(1, len(parts) - 1):
            if not parts[i]:
                if gap is not None:
                    raise AddressValueError("At most one '::' permitted in %r" % text)
                gap = i
        if gap is not None:
            n_head = gap
            n_tail = len(parts) - gap - 1
            if not parts[0]:
                n_head -= 1
                if n_head:
                    raise AddressValueError(
                        "Leading ':' only permitted as part of '::' in %r" % text)
            if not parts[-1]:
                n_tail -= 1
                if n_tail:
                    raise AddressValueError(
                        "Trailing ':' only permitted as part of '::' in %r" % text)
            n_skipped = count - (n_head + n_tail)
            if n_skipped < 1:
                raise AddressValueError(
                    "Expected at most %d other parts with '::' in %r"
                    % (count - 1, text))
        else:
            if len(parts) != count:
                raise AddressValueError(
                    "Exactly %d parts expected without '::' in %r" % (count, text))
            if not parts[0]:
                raise AddressValueError(
                    "Leading ':' only permitted as part of '::' in %r" % text)
            if not parts[-1]:
                raise AddressValueError(
                    "Trailing ':' only permitted as part of '::' in %r" % text)
            n_head = len(parts)
            n_tail = 0
            n_skipped = 0
        try:
            value = 0
            for i in range(n_head):
                value = (value << 16) | cls._parse_hextet(parts[i])
            value <<= 16 * n_skipped
            for i in range(len(parts) - n_tail, len(parts)):
                value = (value << 16) | cls._parse_hextet(parts[i])
        except ValueError as exc:
            raise AddressValueError("%s in %r" % (exc, text)) from None
        return value

    @classmethod
    def _parse_hextet(cls, text):
        if not _HEX_DIGITS.issuperset(text):
            raise ValueError("Only hex digits permitted in %r" % text)
        if len(text) > 4:
            raise ValueError("At most 4 characters permitted in %r" % text)
        return int(text, 16)

    @classmethod
    def _compress_hextets(cls, hextets):
        # The longest run (the first of equals) of two or more zero
        # hextets becomes "::".
        best_start = -1
        best_len = 0
        start = -1
        for i, h in enumerate(hextets):
            if h == "0":
                if start < 0:
                    start = i
                if i + 1 - start > best_len:
                    best_start = start
                    best_len = i + 1 - start
            else:
                start = -1
        if best_len > 1:
            best_end = best_start + best_len
            hextets = hextets[:best_start] + [""] + hextets[best_end:]
            if best_end == cls._HEXTET_COUNT:
                hextets.append("")
            if best_start == 0:
                hextets.insert(0, "")
        return hextets

    @classmethod
    def _string_from_ip_int(cls, ip_int):
        hextets = ["%x" % ((ip_int >> shift) & 0xFFFF)
                   for shift in range(112, -1, -16)]
        return ":".join(cls._compress_hextets(hextets))

    def _explode_shorthand_ip_string(self):
        if isinstance(self, IPv6Network):
            text = str(self.network_address)
        elif isinstance(self, IPv6Interface):
            text = str(self.ip)
        else:
            text = str(self)
        digits = "%032x" % self._ip_int_from_string(text)
        long_form = ":".join(digits[i:i + 4] for i in range(0, 32, 4))
        if isinstance(self, (_BaseNetwork, IPv6Interface)):
            return "%s/%d" % (long_form, self._prefixlen)
        return long_form

    def _reverse_pointer(self):
        digits = self.exploded[::-1].replace(":", "")
        return ".".join(digits) + ".ip6.arpa"

    @staticmethod
    def _split_scope_id(text):
        # "addr%scope": the scope is any text, but not empty and without "%".
        addr, sep, scope_id = text.partition("%")
        if not sep:
            scope_id = None
        elif not scope_id or "%" in scope_id:
            raise AddressValueError('Invalid IPv6 address: "%r"' % text)
        return addr, scope_id


class IPv6Address(_BaseV6, _BaseAddress):
    """An IPv6 address, from its text (with an optional "%scope"), an int or
    16 packed bytes."""

    __slots__ = ("_ip", "_scope_id", "__weakref__")

    def __init__(self, address):
        if isinstance(address, int):
            self._check_int_address(address)
            self._ip = address
            self._scope_id = None
            return
        if isinstance(address, bytes):
            self._check_packed_address(address, 16)
            self._ip = int.from_bytes(address, "big")
            self._scope_id = None
            return
        text = str(address)
        if "/" in text:
            raise AddressValueError(f"Unexpected '/' in {address!r}")
        text, self._scope_id = self._split_scope_id(text)
        self._ip = self._ip_int_from_string(text)

    def __str__(self):
        text = super().__str__()
        if self._scope_id:
            return text + "%" + self._scope_id
        return text

    def __hash__(self):
        return hash((self._ip, self._scope_id))

    def __eq__(self, other):
        same = super().__eq__(other)
        if same is NotImplemented:
            return NotImplemented
        if not same:
            return False
        return self._scope_id == getattr(other, "_scope_id", None)

    def __reduce__(self):
        # The text keeps the scope.
        return self.__class__, (str(self),)

    @property
    def scope_id(self):
        return self._scope_id

    @property
    def packed(self):
        return v6_int_to_packed(self._ip)

    @property
    def is_multicast(self):
        return _in_ranges(self._ip, _V6_MULTICAST)

    @property
    def is_reserved(self):
        return _in_ranges(self._ip, _V6_RESERVED)

    @property
    def is_link_local(self):
        return _in_ranges(self._ip, _V6_LINK_LOCAL)

    @property
    def is_site_local(self):
        return _in_ranges(self._ip, _V6_SITE_LOCAL)

    @property
    def is_private(self):
        mapped = self.ipv4_mapped
        if mapped is not None:
            return mapped.is_private
        return _in_ranges(self._ip, _V6_PRIVATE)

    @property
    def is_global(self):
        return not self.is_private

    @property
    def is_unspecified(self):
        return self._ip == 0

    @property
    def is_loopback(self):
        return self._ip == 1

    @property
    def ipv4_mapped(self):
        """The IPv4 address of an IPv4-mapped address (::ffff:a.b.c.d)."""
        if self._ip >> 32 != 0xFFFF:
            return None
        return IPv4Address(self._ip & 0xFFFFFFFF)

    @property
    def teredo(self):
        """(server, client) IPv4 addresses of a Teredo address (2001::/32)."""
        if self._ip >> 96 != 0x20010000:
            return None
        return (IPv4Address((self._ip >> 64) & 0xFFFFFFFF),
                IPv4Address(~self._ip & 0xFFFFFFFF))

    @property
    def sixtofour(self):
        """The IPv4 address of a 6to4 address (2002::/16)."""
        if self._ip >> 112 != 0x2002:
            return None
        return IPv4Address((self._ip >> 80) & 0xFFFFFFFF)


class IPv6Interface(IPv6Address):
    """An IPv6 address on a network: "addr/prefix"."""

    def __init__(self, address):
        addr, mask = self._split_addr_prefix(address)
        IPv6Address.__init__(self, addr)
        self.network = IPv6Network((addr, mask), strict=False)
        self.netmask = self.network.netmask
        self._prefixlen = self.network._prefixlen

    @_functools.cached_property
    def hostmask(self):
        return self.network.hostmask

    def __str__(self):
        return "%s/%d" % (super().__str__(), self._prefixlen)

    def __eq__(self, other):
        same = IPv6Address.__eq__(self, other)
        if same is NotImplemented or not same:
            return same
        try:
            return self.network == other.network
        except AttributeError:
            return False

    def __lt__(self, other):
        less = IPv6Address.__lt__(self, other)
        if less is NotImplemented:
            return less
        try:
            return (self.network < other.network
                    or self.network == other.network and less)
        except AttributeError:
            return False

    def __hash__(self):
        return hash((self._ip, self._prefixlen, int(self.network.network_address)))

    __reduce__ = _IPAddressBase.__reduce__

    @property
    def ip(self):
        return IPv6Address(self._ip)

    @property
    def with_prefixlen(self):
        return "%s/%s" % (self._string_from_ip_int(self._ip), self._prefixlen)

    @property
    def with_netmask(self):
        return "%s/%s" % (self._string_from_ip_int(self._ip), self.netmask)

    @property
    def with_hostmask(self):
        return "%s/%s" % (self._string_from_ip_int(self._ip), self.hostmask)

    @property
    def is_unspecified(self):
        return self._ip == 0 and self.network.is_unspecified

    @property
    def is_loopback(self):
        return self._ip == 1 and self.network.is_loopback


class IPv6Network(_BaseV6, _BaseNetwork):
    """An IPv6 network, "addr/prefix", an (address, prefix) tuple, an int or
    packed bytes.  With `strict`, host bits are an error; without, they are
    cleared."""

    _address_class = IPv6Address

    def __init__(self, address, strict=True):
        addr, mask = self._split_addr_prefix(address)
        self.network_address = IPv6Address(addr)
        self.netmask, self._prefixlen = self._make_netmask(mask)
        packed = int(self.network_address)
        if packed & int(self.netmask) != packed:
            if strict:
                raise ValueError("%s has host bits set" % self)
            self.network_address = IPv6Address(packed & int(self.netmask))
        if self._prefixlen == self._max_prefixlen - 1:
            self.hosts = self.__iter__
        elif self._prefixlen == self._max_prefixlen:
            self.hosts = lambda: [IPv6Address(addr)]

    def hosts(self):
        """Iterator of the usable hosts: all but the network address (the
        Subnet-Router anycast address)."""
        x = int(self.network_address) + 1
        last = int(self.broadcast_address)
        while x <= last:
            yield self._address_class(x)
            x += 1

    @property
    def is_site_local(self):
        return (self.network_address.is_site_local
                and self.broadcast_address.is_site_local)


# -- the special ranges (CPython 3.11.7's) ----------------------------------

_V4_LINK_LOCAL = _ranges(_BaseV4, ["169.254.0.0/16"])
_V4_LOOPBACK = _ranges(_BaseV4, ["127.0.0.0/8"])
_V4_MULTICAST = _ranges(_BaseV4, ["224.0.0.0/4"])
_V4_SHARED = _ranges(_BaseV4, ["100.64.0.0/10"])
_V4_RESERVED = _ranges(_BaseV4, ["240.0.0.0/4"])
_V4_PRIVATE = _ranges(_BaseV4, [
    "0.0.0.0/8", "10.0.0.0/8", "127.0.0.0/8", "169.254.0.0/16",
    "172.16.0.0/12", "192.0.0.0/29", "192.0.0.170/31", "192.0.2.0/24",
    "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24",
    "240.0.0.0/4", "255.255.255.255/32",
])

_V6_LINK_LOCAL = _ranges(_BaseV6, ["fe80::/10"])
_V6_MULTICAST = _ranges(_BaseV6, ["ff00::/8"])
_V6_SITE_LOCAL = _ranges(_BaseV6, ["fec0::/10"])
_V6_PRIVATE = _ranges(_BaseV6, [
    "::1/128", "::/128", "::ffff:0:0/96", "100::/64", "2001::/23",
    "2001:2::/48", "2001:db8::/32", "2001:10::/28", "fc00::/7", "fe80::/10",
])
_V6_RESERVED = _ranges(_BaseV6, [
    "::/8", "100::/8", "200::/7", "400::/6", "800::/5", "1000::/4",
    "4000::/3", "6000::/3", "8000::/3", "a000::/3", "c000::/3", "e000::/4",
    "f000::/5", "f800::/6", "fe00::/9",
])

_V4_UNSPECIFIED = IPv4Address(0)
_BaseV4._private_ranges = _V4_PRIVATE
_BaseV6._private_ranges = _V6_PRIVATE
