# A cell with no value yet: cell_contents raises ValueError('Cell is empty'), until assigned.
def run():
    def later():
        return value
    cell = later.__closure__[0]
    try:
        cell.cell_contents
    except ValueError as e:
        print('before assignment:', type(e).__name__, e)
    value = 'now set'
    print('after assignment:', cell.cell_contents, later())
    del value
    try:
        print(cell.cell_contents)
    except ValueError as e:
        print('after del:', e)
    value = 7
    print('assigned again:', cell.cell_contents, later())

run()
