# Ctrl-C in a deep tree of calls (s03_interrupt.rs): the test sends SIGINT once
# the first output has appeared. The first line is longer than the 8 KiB
# stdout buffer, so it is written at once, but for its newline; 'ready' stays
# in the buffer, which only the flush at the interrupt writes out. Then f40
# makes 2**41 calls, 41 frames deep at most: it would run for days. Every
# call's RESUME checks the eval breaker.
print('x' * 9000)
print('ready')

def f0():
    return 0

def f1():
    return f0() + f0()

def f2():
    return f1() + f1()

def f3():
    return f2() + f2()

def f4():
    return f3() + f3()

def f5():
    return f4() + f4()

def f6():
    return f5() + f5()

def f7():
    return f6() + f6()

def f8():
    return f7() + f7()

def f9():
    return f8() + f8()

def f10():
    return f9() + f9()

def f11():
    return f10() + f10()

def f12():
    return f11() + f11()

def f13():
    return f12() + f12()

def f14():
    return f13() + f13()

def f15():
    return f14() + f14()

def f16():
    return f15() + f15()

def f17():
    return f16() + f16()

def f18():
    return f17() + f17()

def f19():
    return f18() + f18()

def f20():
    return f19() + f19()

def f21():
    return f20() + f20()

def f22():
    return f21() + f21()

def f23():
    return f22() + f22()

def f24():
    return f23() + f23()

def f25():
    return f24() + f24()

def f26():
    return f25() + f25()

def f27():
    return f26() + f26()

def f28():
    return f27() + f27()

def f29():
    return f28() + f28()

def f30():
    return f29() + f29()

def f31():
    return f30() + f30()

def f32():
    return f31() + f31()

def f33():
    return f32() + f32()

def f34():
    return f33() + f33()

def f35():
    return f34() + f34()

def f36():
    return f35() + f35()

def f37():
    return f36() + f36()

def f38():
    return f37() + f37()

def f39():
    return f38() + f38()

def f40():
    return f39() + f39()

print(f40())
