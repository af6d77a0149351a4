# break and continue in try...finally in a loop; break or continue in finally drops the exception.
for i in range(5):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print('body', i)
    finally:
        print('finally', i)
print('loop 1 done')
for i in range(3):
    try:
        print('raising in iteration', i)
        raise ValueError(i)
    finally:
        continue
print('loop 2 done: continue in finally dropped every ValueError')
while True:
    try:
        {}['key']
    finally:
        break
print('loop 3 done: break in finally dropped the KeyError')
