import re
m = re.match(r"(\w+) (\w+)", "Hello World extra")
print(m.group(), m.group(1), m.group(2), m.groups(), m.span(), m.start(2), m.end(1), m.string, bool(m))
print(re.match(r"\d+", "abc"), re.search(r"\d+", "abc123def456").group(), re.fullmatch(r"\d+", "123").group(), re.fullmatch(r"\d+", "123a"))
print(re.findall(r"\d+", "a1b22c333"), re.findall(r"(\w)(\d)", "a1b2c3"), re.findall(r"x*", "axb"), re.findall(r"(a)|b", "ab"))
print([m.group() for m in re.finditer(r"[aeiou]", "education")], [m.span() for m in re.finditer(r"o", "foo boo")])
print(re.sub(r"\s+", " ", "a   b \t c"), re.sub(r"(\w+)@(\w+)", r"\2 at \1", "me@host you@there"), re.sub("a", "b", "aaa", count=2))
print(re.sub(r"\d", lambda m: str(int(m.group()) * 2), "a1b2c9"), re.subn(r"o", "0", "foo boo"), re.sub(r"(?P<w>\w+)", r"<\g<w>>", "hi yo"))
print(re.split(r"[,;]\s*", "a, b;c,  d"), re.split(r"(,)", "a,b,c"), re.split(r"\s", "a b c", maxsplit=1), re.split("x", ""))
p = re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})")
m = p.search("Date: 2024-03-15.")
print(m.group("year"), m["month"], m.groupdict(), m.lastgroup, p.pattern, p.groups, sorted(p.groupindex.items()))
print(re.match(r"(?i)hello", "HeLLo").group(), re.findall(r"^\w", "ab\ncd", re.M), re.search(r"a.b", "a\nb", re.S).group() == "a\nb", re.search(r"a.b", "a\nb"))
print(re.match(r"a{2,3}", "aaaa").group(), re.match(r"a{2,3}?", "aaaa").group(), re.match(r"<.*>", "<a><b>").group(), re.match(r"<.*?>", "<a><b>").group())
print(re.findall(r"\bcat\b", "cat concat cat."), re.findall(r"(?<=@)\w+", "x@a y@b"), re.findall(r"\w+(?=!)", "hi! yo no!"), re.findall(r"(?!a)\w", "abc"))
print(re.escape("a.b*c"), re.findall(r"[^a-c]", "abcdef"), re.findall(r"\D+", "ab12cd"), re.match(r"(a)(b)?", "a").groups(), re.match(r"(a)(b)?", "a").groups("-"))
print(re.match(r"(\d+)\.(\d+)", "3.14").group(1, 2), re.search("z", "abc") is None, re.compile("x", re.I).flags & re.I != 0)
print(re.sub(r"(a)(b)?", r"[\1\2]", "ab a"), re.findall(r"(?:ab)+", "ababab abab"), re.match(r"(ab)+", "ababab").group(1))
try:
    re.compile("(unclosed")
except re.error as e:
    print(type(e).__name__, e)
try:
    re.match(r"(a)", "a").group(2)
except IndexError as e:
    print(type(e).__name__, e)
print(re.match(r"\d", "٣") is not None, re.match(r"\d", "٣", re.A), re.findall(r"[\u00e0-\u00ff]", "àbç"))
print(bool(re.match(r"^[\w.+-]+@\w+\.\w+$", "john.doe+x@mail.com")), re.sub(r"^", ">", "a\nb", flags=re.M))
print(re.findall(rb"\d", b"a1b2"), re.sub(r"(?P<x>a)", lambda m: m.group("x").upper(), "banana"))
