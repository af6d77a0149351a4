# cell_contents follows the variable: the frame rebinds it after the closure is made.
def run():
    count = 0
    text = 'a'
    def peek():
        return count, text
    cells = peek.__closure__
    print(cells[0].cell_contents, cells[1].cell_contents)
    for i in range(3):
        count += i
        text += str(i)
    print(cells[0].cell_contents, cells[1].cell_contents, peek())
    count = -1
    return peek

p = run()
print(p(), p.__closure__[0].cell_contents)
