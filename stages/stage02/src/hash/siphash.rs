//! SipHash-1-3, the function behind `hash(str)` and `hash(bytes)` in CPython 3.11
//! (`Python/pyhash.c: siphash13`, the default `Py_HASH_ALGORITHM` since 3.11).
//!
//! CPython hashes one contiguous buffer. We feed the bytes in pieces instead
//! ([`SipHasher13::write`]) so that a `str` can be hashed straight from its code
//! points without first building CPython's 1-, 2- or 4-byte representation: the
//! result is the same, because SipHash only ever sees whole 8-byte words plus the
//! total length.
//!
//! The key is zero, as with `PYTHONHASHSEED=0` (`Python/bootstrap_hash.c:
//! _Py_HashRandomization_Init` clears the secret when the seed is 0), so hashes
//! are reproducible from run to run and can be compared with `python3.11`.

// ANCHOR: siphash13
/// The four state words with a zero key: `k0 ^ "somepseudorandomlygeneratedbytes"`.
const ZERO_KEY_STATE: [u64; 4] = [
    0x736f_6d65_7073_6575,
    0x646f_7261_6e64_6f6d,
    0x6c79_6765_6e65_7261,
    0x7465_6462_7974_6573,
];

/// One SipRound (`pyhash.c: SINGLE_ROUND`, which is `HALF_ROUND` twice).
fn sip_round(v: &mut [u64; 4]) {
    v[0] = v[0].wrapping_add(v[1]);
    v[2] = v[2].wrapping_add(v[3]);
    v[1] = v[1].rotate_left(13) ^ v[0];
    v[3] = v[3].rotate_left(16) ^ v[2];
    v[0] = v[0].rotate_left(32);
    v[2] = v[2].wrapping_add(v[1]);
    v[0] = v[0].wrapping_add(v[3]);
    v[1] = v[1].rotate_left(17) ^ v[2];
    v[3] = v[3].rotate_left(21) ^ v[0];
    v[2] = v[2].rotate_left(32);
}

/// `siphash13(0, 0, src, src_sz)`, one piece of the input at a time.
#[derive(Debug, Clone)]
pub struct SipHasher13 {
    v: [u64; 4],
    /// The bytes of the word being filled, little-endian (`pyhash.c` reads each
    /// word with `_le64toh`).
    tail: u64,
    /// How many bytes `tail` holds: 0 to 7.
    tail_len: u32,
    /// Bytes written so far: `src_sz`, whose low byte goes into the last word.
    length: u64,
}

impl SipHasher13 {
    pub fn new() -> SipHasher13 {
        SipHasher13 {
            v: ZERO_KEY_STATE,
            tail: 0,
            tail_len: 0,
            length: 0,
        }
    }

    /// How many bytes have been written.
    pub fn len(&self) -> u64 {
        self.length
    }

    pub fn is_empty(&self) -> bool {
        self.length == 0
    }

    /// The `while (src_sz >= 8)` loop of `siphash13`: mix in one 8-byte word.
    fn compress(&mut self, word: u64) {
        self.v[3] ^= word;
        sip_round(&mut self.v);
        self.v[0] ^= word;
    }

    fn write_byte(&mut self, byte: u8) {
        self.tail |= u64::from(byte) << (8 * self.tail_len);
        self.tail_len += 1;
        self.length += 1;
        if self.tail_len == 8 {
            self.compress(self.tail);
            self.tail = 0;
            self.tail_len = 0;
        }
    }

    /// Appends `bytes` to the input. Whole words go straight to
    /// `compress`; bytes that do not complete a word wait in `tail`.
    pub fn write(&mut self, bytes: &[u8]) {
        let mut rest = bytes;
        while self.tail_len != 0 {
            let Some((first, more)) = rest.split_first() else {
                return;
            };
            self.write_byte(*first);
            rest = more;
        }
        let mut words = rest.chunks_exact(8);
        for chunk in &mut words {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.compress(u64::from_le_bytes(word));
            self.length += 8;
        }
        for byte in words.remainder() {
            self.write_byte(*byte);
        }
    }

    /// The end of `siphash13`: the last word carries the leftover bytes and the
    /// length (`b = src_sz << 56`), then `v2 ^= 0xff` and three more rounds.
    pub fn finish(&self) -> u64 {
        let mut v = self.v;
        let last = (self.length << 56) | self.tail;
        v[3] ^= last;
        sip_round(&mut v);
        v[0] ^= last;
        v[2] ^= 0xff;
        sip_round(&mut v);
        sip_round(&mut v);
        sip_round(&mut v);
        (v[0] ^ v[1]) ^ (v[2] ^ v[3])
    }
}

impl Default for SipHasher13 {
    fn default() -> SipHasher13 {
        SipHasher13::new()
    }
}
// ANCHOR_END: siphash13
