# re engine: deep backtracking without native recursion, empty-match
# rules of finditer/sub/split, repeat/capture interplay, scanner state.
import re

# Long subjects: the matcher keeps its backtracking state on the heap.
m = re.match('(a|b)*', 'ab' * 50000)
print(m.span(), m.group(1))
m = re.match(r'(?:(a)|b)*c', 'ab' * 10000 + 'c')
print(m.span(), m.groups())
print(re.match(r'(a+?)*b', 'a' * 10000 + 'b').span())
print(re.fullmatch(r'(?:x|yz)+', 'xyz' * 10000) is not None)
print(len(re.findall(r'a|b', 'ab' * 5000)), re.search(r'(a*)*c', 'a' * 8) is None)
print(re.sub(r'(\w)(\w)', r'\2\1', 'abcdef' * 1000)[:12])
print(re.match(r'(?:a{1,3}?)+$', 'a' * 3000).span())
print(re.match(r'((?:ab)+?)+c', 'ab' * 2000 + 'c').span(1))

# Empty matches: never twice at the same position; an empty match right
# after a non-empty one is allowed.
print([m.span() for m in re.finditer(r'\w*', 'ab  c')])
print(re.sub(r'\w*', '<\\g<0>>', 'ab  c'))
print(re.split(r'\s*', 'a bc'), re.split(r'(?=b)', 'abab'), re.split(r'\b', 'a,b'))
print(re.findall(r'a??', 'aa'), re.findall(r'(?:a|)', 'aba'), re.subn(r'x*', '-', 'abc'))
print(re.sub(r'(?<=a)', '|', 'aaa'), re.sub(r'$', '!', 'a\nb\n'), re.sub(r'(?m)$', '!', 'a\nb\n'))
sc = re.compile(r'a*').scanner('aab')
print([(m.span() if m else None) for m in [sc.search(), sc.search(), sc.search(), sc.search()]])
sc = re.compile(r'\d').scanner('12x3')
print([(m.group() if m else None) for m in [sc.match(), sc.match(), sc.match(), sc.match()]])

# Captures inside repeats, alternations and assertions
print(re.match(r'(?:(a)|(b))+', 'ab').groups(), re.match(r'(?:(a)|(b))+', 'ba').groups())
print(re.match(r'(?:(a)|b)*', 'ab').groups(), re.match(r'(a|(b))*', 'ba').groups())
print(re.match(r'((a)|b)*?c', 'abc').groups(), re.match(r'(?:(a)(?!x)|ab)+', 'aab').groups())
print(re.match(r'(?=(a))?a', 'a').groups(), re.match(r'(?!(a)b)a', 'ac').groups())
print(re.match(r'(a)*+', 'aa').groups(), re.match(r'(?:(a)|b)*+c', 'abc').groups())
print(re.match(r'(?>(a)|(b))+', 'ab').groups(), re.match(r'(?:(a)|(x))?b', 'b').groups())
print(re.match(r'(a)(?:(?=(b))|c)', 'ab').groups(), re.match(r'(?:(\d)|x){3}', '1x2').groups())
print(re.match(r'(a)|(?:(b)\2?)+', 'bb').groups(), re.match(r'(?:(a)\1)+', 'aaaa').span())
print(re.match(r'(?:(a)|b)(?(1)x|y)', 'by').groups(), re.match(r'(?:(a)|b)+(?(1)x|y)', 'aby'))

# Bounded repeats and laziness
print(re.findall(r'a{2}', 'aaaaa'), re.findall(r'a{2,}?', 'aaaaa'), re.findall(r'(?:ab){2,3}', 'ab' * 7))
print(re.match(r'a{,2}', 'aaa').span(), re.match(r'a{3,4}+a', 'aaaaa'), re.match(r'(?:a{2}){2}', 'aaaaa').span())
print(re.match(r'(a{0,2}?)b', 'aab').groups(), re.match(r'.{1,3}?b', 'xxb').span(), re.match('a{1000}', 'a' * 1000).span())
