# An uncaught `raise ... from ...` prints the cause first, then "The above exception was...".
def port_of(settings):
    try:
        return int(settings['port'])
    except KeyError as e:
        raise RuntimeError('settings have no port') from e

print(port_of({'port': '8080'}))
print(port_of({'host': 'localhost'}))
