# An exception raised in finally while another propagates gets it as context, uncaught here.
def close(resource):
    print('closing', resource)
    raise RuntimeError('cannot close ' + resource)

def work():
    try:
        return 1 / 0
    finally:
        close('file')

work()
