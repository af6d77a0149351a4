# Word frequencies in a dict: a pseudo-random text (a linear congruential
# generator picks syllables) is split into words and counted with get(); the most
# frequent words are found with sorted() on the items.
SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'so', 'ta', 'vi', 'ze', 'po']


def make_text(n):
    seed = 12345
    words = []
    for _ in range(n):
        seed = (seed * 1103515245 + 12345) % 2147483648
        length = 1 + seed % 3
        word = ''
        for _ in range(length):
            seed = (seed * 1103515245 + 12345) % 2147483648
            word += SYLLABLES[(seed >> 16) % 10]
        words.append(word)
    return ' '.join(words)


def count(text):
    counts = {}
    for word in text.split():
        counts[word] = counts.get(word, 0) + 1
    return counts


def by_count(item):
    return (-item[1], item[0])


counts = count(make_text(500000))
print(len(counts), sorted(counts.items(), key=by_count)[:5])
