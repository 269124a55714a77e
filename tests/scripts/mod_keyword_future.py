from __future__ import annotations
import keyword
import __future__

print(len(keyword.kwlist), keyword.kwlist[:5], keyword.softkwlist)
for word in ["if", "match", "case", "print", "None", "async", "_", "type", "True", "true"]:
    print(word, keyword.iskeyword(word), keyword.issoftkeyword(word))
print(sorted(keyword.__all__))

print(__future__.all_feature_names)
for name in __future__.all_feature_names:
    feature = getattr(__future__, name)
    print(name, feature.getOptionalRelease(), feature.getMandatoryRelease(), feature.compiler_flag)
print(repr(__future__.annotations))
print(__future__.division)
print(hex(__future__.CO_FUTURE_ANNOTATIONS), __future__.CO_NESTED)


def f(x: int) -> str:
    return str(x)


print(f(3))
