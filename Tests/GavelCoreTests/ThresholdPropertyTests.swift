// Every threshold function of Voting/Thresholds.swift against an independent oracle in exact
// rational arithmetic (fractions compared as reduced rationals, rules.md §2.3). Exhaustive over
// all tallies Y+N+A ≤ P for small bodies; seeded random tallies for bodies up to 193 seats.
import GavelTesting
import Testing

@testable import GavelCore

/// An exact rational, reduced, with a positive denominator.
private struct Rational: Comparable {
  let n: Int
  let d: Int
  init(_ n: Int, _ d: Int) {
    precondition(d != 0)
    func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? abs(a) : gcd(b, a % b) }
    let g = max(gcd(n, d), 1)
    let sign = d < 0 ? -1 : 1
    self.n = sign * n / g
    self.d = sign * d / g
  }
  static func < (a: Rational, b: Rational) -> Bool {
    // Compare by subtraction on reduced forms: a − b = (an·bd − bn·ad) / (ad·bd), ad·bd > 0.
    a.n * b.d - b.n * a.d < 0
  }
  static func == (a: Rational, b: Rational) -> Bool { a.n == b.n && a.d == b.d }
}

/// The oracle: the wording of §2.3 read as fractions ("more than half", "at least two-thirds").
private enum Oracle {
  static let half = Rational(1, 2)
  static let twoThirds = Rational(2, 3)

  static func passes(_ id: ThresholdID, y: Int, n: Int, present p: Int, members m: Int, k: Int) -> Bool {
    switch id {
    case .simpleMajorityOfVotesCast: return y + n > 0 && Rational(y, y + n) > half
    case .twoThirdsOfVotesCast: return y + n > 0 && Rational(y, y + n) >= twoThirds
    case .simpleMajorityOfPresent: return p == 0 ? y >= 1 : Rational(y, p) > half
    case .twoThirdsOfPresent: return y >= 1 && (p == 0 || Rational(y, p) >= twoThirds)
    case .majorityOfMembership: return m == 0 ? y >= 1 : Rational(y, m) > half
    case .scProcedural, .scSubstantive: return y >= k
    }
  }
}


@Suite struct ThresholdProperties {
  static func check(y: Int, n: Int, a: Int, p: Int, m: Int, k: Int) -> Bool {
    for id in ThresholdID.allCases {
      let tally = Tally(yes: y, no: n, abstain: a)
      let got = Thresholds.met(id, tally, present: p, members: m, required: k)
      if got != Oracle.passes(id, y: y, n: n, present: p, members: m, k: k) {
        Issue.record("\(id.rawValue) disagrees with the oracle at Y=\(y) N=\(n) A=\(a) P=\(p) M=\(m)")
        return false
      }
    }
    return true
  }

  @Test func exhaustiveForBodiesUpTo40() {
    var checked = 0
    for p in 1...40 {
      for y in 0...p {
        for n in 0...(p - y) {
          for a in 0...(p - y - n) {
            guard Self.check(y: y, n: n, a: a, p: p, m: p + 3, k: 9) else { return }
            checked += 1
          }
        }
      }
    }
    #expect(checked == (1...40).map { ($0 + 1) * ($0 + 2) * ($0 + 3) / 6 }.reduce(0, +))
  }

  @Test func everyYesNoSplitForLargeBodies() {
    // Abstentions never change a threshold's verdict except through P, so all (Y, N) with A = P−Y−N.
    for p in [41, 54, 99, 100, 150, 190, 191, 192, 193] {
      for y in 0...p {
        for n in 0...(p - y) {
          guard Self.check(y: y, n: n, a: p - y - n, p: p, m: 193, k: 9) else { return }
        }
      }
    }
  }

  @Test func randomTalliesForBodiesUpTo193() {
    var rng = SeededRandom(seed: 0x6761_7665_6C)
    for _ in 0..<200_000 {
      let p = Int.random(in: 1...193, using: &rng)
      let y = Int.random(in: 0...p, using: &rng)
      let n = Int.random(in: 0...(p - y), using: &rng)
      let a = Int.random(in: 0...(p - y - n), using: &rng)
      let m = Int.random(in: p...193, using: &rng)
      let k = Int.random(in: 1...p, using: &rng)
      guard Self.check(y: y, n: n, a: a, p: p, m: m, k: k) else { return }
    }
  }

  @Test func yesNeededIsTheSmallestPassingYes() {
    for p in 1...60 {
      for n in 0...p {
        for id in [
          ThresholdID.simpleMajorityOfVotesCast, .twoThirdsOfVotesCast, .simpleMajorityOfPresent, .twoThirdsOfPresent,
        ] {
          let need = Thresholds.yesNeeded(id, no: n, present: p, members: p, required: 9)
          #expect(Thresholds.met(id, Tally(yes: need, no: n, abstain: 0), present: p, members: p, required: 9))
          if need > 0 {
            #expect(!Thresholds.met(id, Tally(yes: need - 1, no: n, abstain: 0), present: p, members: p, required: 9))
          }
        }
      }
    }
  }
}
