#!/usr/bin/env python3
"""Tests of exp3.py: python3 -m unittest discover -s docs/results/scripts -p 'test_*.py'"""
import math
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import exp3  # noqa: E402


class PairedTest(unittest.TestCase):
    def test_mean_and_student_t_half_width_over_shared_seeds_only(self):
        base = {0: 1.0, 1: 2.0, 2: 3.0, 9: 100.0}
        other = {0: 2.0, 1: 4.0, 2: 3.0, 7: -50.0}
        mean, half, n = exp3.paired(base, other)
        # differences 1, 2, 0: mean 1, sd 1, t(2) = 4.303
        self.assertEqual(n, 3)
        self.assertAlmostEqual(mean, 1.0)
        self.assertAlmostEqual(half, 4.303 / math.sqrt(3))

    def test_an_interval_that_straddles_zero_is_marked_not_resolved(self):
        self.assertIn("not resolved", exp3.fmt(0.1, 0.2))
        self.assertNotIn("not resolved", exp3.fmt(0.3, 0.2))


class ArgminTest(unittest.TestCase):
    def test_a_clear_minimum_is_chosen_by_every_resample(self):
        by_tau = {0.5: {s: 1.0 + 0.01 * s for s in range(8)}, 0.9: {s: 2.0 for s in range(8)},
                  None: {s: 3.0 for s in range(8)}}
        self.assertEqual(exp3.argmin_boot(by_tau), (0.5, 0.5, 0.5, 1.0))

    def test_never_resetting_is_a_candidate_and_a_tie_on_noise_gives_a_wide_interval(self):
        by_tau = {0.5: {s: (1.0 if s % 2 else 0.0) for s in range(10)},
                  None: {s: (0.0 if s % 2 else 1.0) - 0.01 for s in range(10)}}
        best, lo, hi, share = exp3.argmin_boot(by_tau)
        self.assertIsNone(best)
        self.assertEqual((lo, hi), (0.5, None))
        self.assertTrue(0.2 < share < 0.8)


class PredictedTauTest(unittest.TestCase):
    def test_clean_evidence_detects_on_the_first_observation_so_tau_star_is_one_half(self):
        self.assertAlmostEqual(exp3.predicted_tau("sgd", 0.002, 0.5), 0.5, places=3)

    def test_weak_evidence_crosses_too_late_for_a_fast_rule_so_never_reset(self):
        self.assertIsNone(exp3.predicted_tau("sgd", 0.02, 20))


if __name__ == "__main__":
    unittest.main()
