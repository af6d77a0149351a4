# N-queens by backtracking on lists: counts every placement of 6, 8 and 12 queens, marking
# columns and both diagonals in lists of flags. Times recursion, list
# subscripts and branches.
def place(row, n, cols, diag1, diag2):
    if row == n:
        return 1
    count = 0
    for col in range(n):
        d1 = row + col
        d2 = row - col + n - 1
        if cols[col] or diag1[d1] or diag2[d2]:
            continue
        cols[col] = diag1[d1] = diag2[d2] = True
        count += place(row + 1, n, cols, diag1, diag2)
        cols[col] = diag1[d1] = diag2[d2] = False
    return count


for n in [6, 8, 12]:
    print(n, place(0, n, [False] * n, [False] * (2 * n), [False] * (2 * n)))
