# Carets under a line with non-ASCII text count characters, not bytes.
prix = {'café': 2.5, 'thé': 1.8}
print('café coûte', prix['café'])
try:
    print('chocolat', prix['chocolat chaud'])
except KeyError as e:
    print('pas de', e, '— introuvable')
print('résumé: ' + str(prix['thé']) + ' ' + str(prix['日本茶']))
