import textwrap
text = "The quick brown fox jumps over the lazy dog. " * 3
print(textwrap.wrap(text, 30))
print(textwrap.fill(text.strip(), width=40))
print(textwrap.shorten("Hello   world, this is a long sentence", width=20), textwrap.shorten("short", 20), textwrap.shorten("abc def ghi", 9, placeholder="~"))
print(repr(textwrap.dedent("    a\n      b\n    c\n")), repr(textwrap.indent("x\ny\n\nz", "> ")), repr(textwrap.indent("a\nb", "+", lambda l: l.startswith("b"))))
print(textwrap.wrap("supercalifragilisticexpialidocious word", 10), textwrap.wrap("a b", 10), textwrap.wrap("", 10))
w = textwrap.TextWrapper(width=20, initial_indent="* ", subsequent_indent="  ", break_long_words=False)
print(w.fill("An example of a wrapper with indents and a verylongunbreakablewordhere ok"))
print(textwrap.wrap("tabs\there and\tthere", 12), textwrap.fill("one two three four", 9, max_lines=2, placeholder=" [..]"))
