# A retry loop: an operation that fails a few times is tried again until it succeeds or gives up.
attempts = []

def flaky(n):
    attempts.append(n)
    if len(attempts) % 3:
        raise RuntimeError('attempt ' + str(len(attempts)) + ' failed')
    return n * 100

def with_retries(n, tries):
    for attempt in range(1, tries + 1):
        try:
            return flaky(n)
        except RuntimeError as e:
            print('  retrying after:', e)
    raise RuntimeError('gave up after ' + str(tries) + ' tries')

print(with_retries(1, 5))
try:
    print(with_retries(2, 2))
except RuntimeError as e:
    print('caller:', e)
print(with_retries(3, 5))
print('attempts:', attempts)
