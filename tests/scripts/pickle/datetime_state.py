import pickle, copy, datetime as d
objs = [d.date(2021, 11, 7), d.time(1, 30, fold=1), d.time(23, 59, 59, 999999, tzinfo=d.timezone.utc),
        d.datetime(2021, 11, 7, 1, 30, fold=1), d.datetime(1, 1, 1), d.datetime(9999, 12, 31, 23, 59, 59, 999999, d.timezone(d.timedelta(hours=-5), "EST"))]
for o in objs:
    for proto in range(0, 6):
        p = pickle.dumps(o, proto)
        r = pickle.loads(p)
        assert r == o and type(r) is type(o), (o, proto)
        print(proto, repr(r), getattr(r, "fold", None), p == pickle.dumps(o, proto))
    print(repr(copy.copy(o)), repr(copy.deepcopy(o)), o.__reduce__()[1][0])
print(d.datetime(2020, 1, 1) == pickle.loads(pickle.dumps(d.datetime(2020, 1, 1))))
