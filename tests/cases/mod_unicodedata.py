# unicodedata: every function of the module and of ucd_3_2_0 over a sample
# of code points (hashed), normal forms of generated mark sequences, names,
# aliases and named sequences, and the errors.
import unicodedata as u
import zlib
from itertools import repeat

U = u.ucd_3_2_0


def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))


# Combining diacriticals, then every 151st code point (tests.rs in the
# module checks all of them); surrogates apart
# (a str cannot hold one next to a U+10F800.. character in Pyrite).
cps = list(range(0x300, 0x400)) + list(range(0, 0x110000, 151))
cps = [c for c in cps if not 0xD800 <= c < 0xE000]
sample = "".join(map(chr, cps))
surr = "".join(map(chr, range(0xD800, 0xE000, 7)))
print(len(sample), len(surr))


def crc(items):
    return zlib.crc32("\n".join(map(repr, items)).encode("utf-8", "surrogatepass"))


for db_name, db in (("new", u), ("3.2.0", U)):
    for fn in ("category", "bidirectional", "combining", "mirrored",
               "east_asian_width", "decomposition"):
        f = getattr(db, fn)
        print(db_name, fn, crc(map(f, sample)), crc(map(f, surr)))
    for fn in ("decimal", "digit", "numeric", "name"):
        f = getattr(db, fn)
        print(db_name, fn, crc(map(f, sample, repeat(None))), crc(map(f, surr, repeat(-1))))
    for form in ("NFC", "NFD", "NFKC", "NFKD"):
        parts = [sample[i:i + 500] for i in range(0, len(sample), 500)]
        normed = [db.normalize(form, p) for p in parts]
        print(db_name, form, crc(normed), crc(db.is_normalized(form, p) for p in parts),
              crc(db.is_normalized(form, p) for p in normed), db.normalize(form, surr) == surr)

# Generated sequences of starters, marks (in and out of canonical order),
# Hangul jamo and syllables, and characters with tricky decompositions.
pool = ("aeAEoOuUsSlL\u00e9\u00c5\u212b\u1e9b\u0301\u0300\u0308\u0323\u0327"
        "\u0328\u0345\u0344\u0f73\u0f71\u0f72\u05b8\u05b9\u0591\u1100\u1161"
        "\u11a8\u11a7\u11c3\uac00\uac01\ud4db\u0b47\u0b3e\u0b57\u0dd9\u0dcf"
        "\u0dca\u1025\u102e\u3099\u304b\u30cf\u309a\ufb01\u2126\uf951\u2f868"
        "\u0915\u093c\u1d15e\u1d165\u1d16e\u0340\u0341\u0343\u0374\u037e"
        "\u0387\u00b5\u017f\u0307\u1e0a\u1e0c\u03d3\u03d2\u0385\u1fee")
seed = 12345
seqs = []
for n in range(400):
    s = []
    for k in range(1 + n % 9):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        s.append(pool[seed % len(pool)])
    seqs.append("".join(s))
for db_name, db in (("new", u), ("3.2.0", U)):
    for form in ("NFC", "NFD", "NFKC", "NFKD"):
        r = [db.normalize(form, s) for s in seqs]
        print(db_name, form, crc(r), crc(db.is_normalized(form, s) for s in seqs),
              sum(db.is_normalized(form, s) for s in r))
print([u.normalize(f, "\u1e9b\u0323") for f in ("NFC", "NFD", "NFKC", "NFKD")])
print(ascii(u.normalize("NFC", "\u1100\u1161\u11a8 \uac00\u11a8 \u1100\u1161\u11a7")))
print(ascii(U.normalize("NFD", "\uf951\u2f868\u2f874\u2f91f\u2f95f\u2f9bf")))
print(ascii(u.normalize("NFD", "\uf951\u2f868\u2f874\u2f91f\u2f95f\u2f9bf")))
print(ascii(u.normalize("NFC", "a\ud800\u0301")), ascii(u.normalize("NFD", "\udfff\u00e9")))


class S(str):
    pass


for form in ("NFC", "NFD", "NFKC", "NFKD"):
    print(form, [type(u.normalize(form, S(x))).__name__ for x in ("abc", "\u00e9", "e\u0301", "")],
          [type(U.normalize(form, S(x))).__name__ for x in ("abc", "")])

# Names and lookup.
named = [c for c in sample if u.name(c, None)]
print(len(named), all(u.lookup(u.name(c)) == c for c in named))
print(all(u.lookup(u.name(c).lower()) == c for c in named if not u.name(c).startswith(("CJK UNIFIED", "HANGUL SYLLABLE"))))
print(sum(U.name(c, None) is not None for c in sample))
for n in ("LATIN SMALL LETTER A", "latin small letter a", "BYTE ORDER MARK", "NULL",
          "LATIN CAPITAL LETTER GHA", "latin capital letter gha",
          "LATIN CAPITAL LETTER A WITH MACRON AND GRAVE", "KATAKANA LETTER AINU P",
          "HANGUL SYLLABLE GA", "HANGUL SYLLABLE GAG", "HANGUL SYLLABLE GAGX",
          "HANGUL SYLLABLE ", "HANGUL SYLLABLE A", "HANGUL SYLLABLE YI", "hangul syllable ga",
          "CJK UNIFIED IDEOGRAPH-4E00", "CJK UNIFIED IDEOGRAPH-04E00", "CJK UNIFIED IDEOGRAPH-4e00",
          "cjk unified ideograph-4e00", "CJK UNIFIED IDEOGRAPH-4E0", "CJK UNIFIED IDEOGRAPH-9FFF",
          "CJK UNIFIED IDEOGRAPH-3134A", "CJK UNIFIED IDEOGRAPH-3134B", "CJK UNIFIED IDEOGRAPH-9FB0",
          "CJK COMPATIBILITY IDEOGRAPH-F900", "TANGUT IDEOGRAPH-17000", "", "x" * 256, "x" * 257,
          "a\x00b", "LATIN SMALL LETTER A\x00", "LATIN SMALL LETTER \u00e9", "  NULL",
          b"LATIN SMALL LETTER B", b"\xffA", "SPACE", "LINE FEED", "EOL", "BOM", "ZWNJ",
          "TAMIL SYLLABLE KSSA", "GREEK CAPITAL LETTER ALPHA"):
    t(lambda: ascii(u.lookup(n)))
    t(lambda: ascii(U.lookup(n)))
t(lambda: u.lookup(bytearray(b"NULL")))
t(lambda: u.lookup(memoryview(b"NULL")))
t(lambda: u.lookup(1))
t(lambda: u.lookup("LATIN SMALL LETTER A\udc80"))
t(lambda: u.lookup())
t(lambda: u.lookup(name="NULL"))
t(lambda: U.lookup())
for c in "\x00 a\u00e9\u4e00\u9fb0\uac00\ud7a3\U00020000\U0002a6d6\U0003134a\U0003134b\U00017000\U000f0000\ufdd0\U0001f600\U000e0001\u0378":
    print("%04X" % ord(c), u.name(c, None), U.name(c, None), u.category(c), U.category(c),
          u.decomposition(c), U.decomposition(c))

# Properties of single characters, and the argument errors.
print(u.unidata_version, U.unidata_version, type(U).__name__, type(U).__module__)
print(u.numeric("\u00bd"), u.numeric("\u4e07"), u.numeric("\u0f33"), u.numeric("\U0001d7ce"),
      u.decimal("\u0663"), u.digit("\u00b2"), u.mirrored("("), u.combining("\u0301"),
      u.east_asian_width("\u4e00"), u.bidirectional("\u05d0"), u.category("\ud800"))
for f in ("decimal", "digit", "numeric", "name"):
    t(lambda: getattr(u, f)("x"))
    t(lambda: getattr(u, f)("x", "dflt"))
    t(lambda: getattr(u, f)(1))
    t(lambda: getattr(u, f)("ab", 1))
    t(lambda: getattr(u, f)())
    t(lambda: getattr(u, f)("a", 1, 2))
    t(lambda: getattr(u, f)("a", x=1))
    t(lambda: getattr(U, f)("a", x=1))
    t(lambda: getattr(U, f)("\U000e0001", 7))
for f in ("category", "bidirectional", "combining", "mirrored", "east_asian_width", "decomposition"):
    t(lambda: getattr(u, f)(1))
    t(lambda: getattr(u, f)(""))
    t(lambda: getattr(u, f)("ab"))
    t(lambda: getattr(u, f)())
    t(lambda: getattr(U, f)())
    t(lambda: getattr(u, f)("a", "b"))
    t(lambda: getattr(u, f)(chr="a"))
    t(lambda: getattr(u, f)(S("a")))
for f in ("normalize", "is_normalized"):
    t(lambda: getattr(u, f)("NFX", "a"))
    t(lambda: getattr(u, f)("NFX", ""))
    t(lambda: getattr(u, f)(1, "a"))
    t(lambda: getattr(u, f)("NFC", b"a"))
    t(lambda: getattr(u, f)("NFC"))
    t(lambda: getattr(u, f)("nfc", "a"))
    t(lambda: getattr(u, f)(form="NFC", unistr="a"))
    t(lambda: getattr(U, f)(form="NFC", unistr="a"))
    t(lambda: getattr(u, f)(S("NFC"), S("\u00e9")))
t(lambda: u.UCD())
t(lambda: u.UCD.category(U, "\U000e0001"))
t(lambda: U.category.__self__ is U)
t(lambda: setattr(U, "unidata_version", "x"))
t(lambda: U.unidata_version)
t(lambda: sorted(x for x in dir(u.UCD) if not x.startswith("_")))
t(lambda: u.category.__name__)
t(lambda: u.UCD.__name__)
print(u.__doc__.splitlines()[0], u.UCD.__doc__)
print(u.lookup.__doc__, u.name.__text_signature__, U.normalize.__text_signature__)
import inspect
print(inspect.signature(u.normalize), inspect.signature(u.category))
try:
    class X(u.UCD): pass
except TypeError as e:
    print(e)
