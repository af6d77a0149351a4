# repr of strings chooses its quotes and escapes control characters; print shows the text itself.
plain = 'hello'
single = "it's"
double = 'say "hi"'
both = 'it\'s "both"'
print(repr(plain), repr(single), repr(double), repr(both))
ctrl = 'tab\there\nnew\\back\r\x00\x7f\x1b'
print(repr(ctrl))
accent = 'café ñ € 😀'
print(accent, repr(accent), len(accent))
t = (plain, single, accent)
print(t)
