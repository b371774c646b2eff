//! Unicode normalization (NFD/NFKD/NFC/NFKC) with CPython's algorithm:
//! recursive decomposition, canonical reordering, then CPython's
//! composition pass (Hangul syllables arithmetically, other pairs from
//! the composition table, a mark blocked by an earlier mark of equal or
//! higher class). The 3.2.0 database decomposes only the characters it
//! knows and applies the post-3.2.0 corrections in reverse; reordering and
//! composition use the current data in both databases, as CPython does.

use super::data::{self, Db};

const S_BASE: u32 = 0xAC00;
const L_BASE: u32 = 0x1100;
const V_BASE: u32 = 0x1161;
const T_BASE: u32 = 0x11A7;
const L_COUNT: u32 = 19;
const V_COUNT: u32 = 21;
const T_COUNT: u32 = 28;
const N_COUNT: u32 = V_COUNT * T_COUNT;
const S_COUNT: u32 = L_COUNT * N_COUNT;

fn ccc(cp: u32) -> u8 {
    data::combining(Db::New, cp)
}

/// NFD (`k` false) or NFKD (`k` true) of `input`.
pub fn decompose(db: Db, input: &[u32], k: bool) -> Vec<u32> {
    let mut out = Vec::with_capacity(input.len() + 10);
    let mut stack: Vec<u32> = Vec::new();
    for &first in input {
        stack.push(first);
        while let Some(code) = stack.pop() {
            if (S_BASE..S_BASE + S_COUNT).contains(&code) {
                let s = code - S_BASE;
                out.push(L_BASE + s / N_COUNT);
                out.push(V_BASE + (s % N_COUNT) / T_COUNT);
                let t = T_BASE + s % T_COUNT;
                if t != T_BASE {
                    out.push(t);
                }
                continue;
            }
            if db == Db::Old {
                if let Some(r) = data::correction_old(code) {
                    stack.push(r);
                    continue;
                }
            }
            let (tag, cps) = if db == Db::Old && data::unassigned_old(code) {
                (0, &[][..])
            } else {
                data::decomposition(code)
            };
            if cps.is_empty() || (tag != 0 && !k) {
                out.push(code);
                continue;
            }
            stack.extend(cps.iter().rev());
        }
    }
    reorder(&mut out);
    out
}

/// Canonical ordering: each mark bubbles back past marks of higher class
/// (a stable sort of every run of non-starters).
fn reorder(s: &mut [u32]) {
    if s.is_empty() {
        return;
    }
    let mut prev = ccc(s[0]);
    for i in 1..s.len() {
        let cur = ccc(s[i]);
        if prev == 0 || cur == 0 || prev <= cur {
            prev = cur;
            continue;
        }
        let mut o = i - 1;
        loop {
            s.swap(o, o + 1);
            if o == 0 {
                break;
            }
            o -= 1;
            let p = ccc(s[o]);
            if p == 0 || p <= cur {
                break;
            }
        }
        prev = ccc(s[i]);
    }
}

/// NFC (`k` false) or NFKC (`k` true) of `input`.
pub fn compose(db: Db, input: &[u32], k: bool) -> Vec<u32> {
    let d = decompose(db, input, k);
    let len = d.len();
    let mut out = Vec::with_capacity(len);
    // Positions already merged into an earlier character.
    let mut skipped: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < len {
        if let Some(at) = skipped.iter().position(|&x| x == i) {
            skipped.swap_remove(at);
            i += 1;
            continue;
        }
        let code = d[i];
        // Hangul: decomposed text only ever holds <L, V> and <L, V, T>.
        if (L_BASE..L_BASE + L_COUNT).contains(&code)
            && i + 1 < len
            && (V_BASE..V_BASE + V_COUNT).contains(&d[i + 1])
        {
            let mut s = S_BASE + ((code - L_BASE) * V_COUNT + (d[i + 1] - V_BASE)) * T_COUNT;
            i += 2;
            if i < len && T_BASE < d[i] && d[i] < T_BASE + T_COUNT {
                s += d[i] - T_BASE;
                i += 1;
            }
            out.push(s);
            continue;
        }
        if !data::is_comp_first(code) {
            out.push(code);
            i += 1;
            continue;
        }
        let mut cur = code;
        let mut i1 = i + 1;
        let mut comb = 0u8;
        while i1 < len {
            let code1 = d[i1];
            let comb1 = ccc(code1);
            if comb != 0 {
                if comb1 == 0 {
                    break;
                }
                if comb >= comb1 {
                    // Blocked by an earlier mark.
                    i1 += 1;
                    continue;
                }
            }
            match data::compose_pair(cur, code1) {
                Some(c) => {
                    cur = c;
                    skipped.push(i1);
                    i1 += 1;
                    if !data::is_comp_first(cur) {
                        break;
                    }
                }
                _ => {
                    if comb1 == 0 {
                        break;
                    }
                    comb = comb1;
                    i1 += 1;
                }
            }
        }
        out.push(cur);
        i += 1;
    }
    out
}
