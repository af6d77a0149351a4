# An exception in sorted()'s key function propagates out of sorted(): the builtin has no frame.
def by_age(person):
    return person['age']

people = [{'name': 'Ann', 'age': 31}, {'name': 'Bob', 'age': 25}]
print([p['name'] for p in sorted(people, key=by_age)])
people.append({'name': 'Cy'})
try:
    sorted(people, key=by_age)
except KeyError as e:
    print('caught: no', e, 'for', people[-1]['name'])
print(sorted(people, key=by_age))
