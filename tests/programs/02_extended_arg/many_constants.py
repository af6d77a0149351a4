# More than 256 constants: LOAD_CONST needs EXTENDED_ARG for every index above 255.
# Each `total += k` adds a new constant k; the sum of 1..300 is 45150.
total = 0
total += 1; total += 2; total += 3; total += 4; total += 5; total += 6; total += 7; total += 8; total += 9; total += 10
total += 11; total += 12; total += 13; total += 14; total += 15; total += 16; total += 17; total += 18; total += 19; total += 20
total += 21; total += 22; total += 23; total += 24; total += 25; total += 26; total += 27; total += 28; total += 29; total += 30
total += 31; total += 32; total += 33; total += 34; total += 35; total += 36; total += 37; total += 38; total += 39; total += 40
total += 41; total += 42; total += 43; total += 44; total += 45; total += 46; total += 47; total += 48; total += 49; total += 50
total += 51; total += 52; total += 53; total += 54; total += 55; total += 56; total += 57; total += 58; total += 59; total += 60
total += 61; total += 62; total += 63; total += 64; total += 65; total += 66; total += 67; total += 68; total += 69; total += 70
total += 71; total += 72; total += 73; total += 74; total += 75; total += 76; total += 77; total += 78; total += 79; total += 80
total += 81; total += 82; total += 83; total += 84; total += 85; total += 86; total += 87; total += 88; total += 89; total += 90
total += 91; total += 92; total += 93; total += 94; total += 95; total += 96; total += 97; total += 98; total += 99; total += 100
total += 101; total += 102; total += 103; total += 104; total += 105; total += 106; total += 107; total += 108; total += 109; total += 110
total += 111; total += 112; total += 113; total += 114; total += 115; total += 116; total += 117; total += 118; total += 119; total += 120
total += 121; total += 122; total += 123; total += 124; total += 125; total += 126; total += 127; total += 128; total += 129; total += 130
total += 131; total += 132; total += 133; total += 134; total += 135; total += 136; total += 137; total += 138; total += 139; total += 140
total += 141; total += 142; total += 143; total += 144; total += 145; total += 146; total += 147; total += 148; total += 149; total += 150
total += 151; total += 152; total += 153; total += 154; total += 155; total += 156; total += 157; total += 158; total += 159; total += 160
total += 161; total += 162; total += 163; total += 164; total += 165; total += 166; total += 167; total += 168; total += 169; total += 170
total += 171; total += 172; total += 173; total += 174; total += 175; total += 176; total += 177; total += 178; total += 179; total += 180
total += 181; total += 182; total += 183; total += 184; total += 185; total += 186; total += 187; total += 188; total += 189; total += 190
total += 191; total += 192; total += 193; total += 194; total += 195; total += 196; total += 197; total += 198; total += 199; total += 200
total += 201; total += 202; total += 203; total += 204; total += 205; total += 206; total += 207; total += 208; total += 209; total += 210
total += 211; total += 212; total += 213; total += 214; total += 215; total += 216; total += 217; total += 218; total += 219; total += 220
total += 221; total += 222; total += 223; total += 224; total += 225; total += 226; total += 227; total += 228; total += 229; total += 230
total += 231; total += 232; total += 233; total += 234; total += 235; total += 236; total += 237; total += 238; total += 239; total += 240
total += 241; total += 242; total += 243; total += 244; total += 245; total += 246; total += 247; total += 248; total += 249; total += 250
total += 251; total += 252; total += 253; total += 254; total += 255; total += 256; total += 257; total += 258; total += 259; total += 260
total += 261; total += 262; total += 263; total += 264; total += 265; total += 266; total += 267; total += 268; total += 269; total += 270
total += 271; total += 272; total += 273; total += 274; total += 275; total += 276; total += 277; total += 278; total += 279; total += 280
total += 281; total += 282; total += 283; total += 284; total += 285; total += 286; total += 287; total += 288; total += 289; total += 290
total += 291; total += 292; total += 293; total += 294; total += 295; total += 296; total += 297; total += 298; total += 299; total += 300
print(total)
last = 'the 302nd constant'
print(last)
