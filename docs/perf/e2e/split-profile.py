#!/usr/bin/env python3
"""Splits an async-profiler collapsed-stack profile of `driftlab bench` by thread group and by step work.

Usage: split-profile.py PROFILE.collapsed[.gz]
Thread groups: main = path (a), pool = path (b), learner-dispatcher = path (c)'s learners and beliefs,
default/internal dispatcher = the coordinator and sharding, remote = Artery (serialization, TCP), jit, GC,
other. Also for the worker JVMs of `driftlab bench jvms` (there, main is the node's start-up). Within each group, samples are
counted inside Learner.runChunk, inside BeliefMonitor.consume, or outside both.
"""
import collections, gzip, sys

def lines(path):
    opener = gzip.open if path.endswith('.gz') else open
    with opener(path, 'rt') as f:
        yield from f

def group(thread):
    for key, name in (('pool-', 'pool (b)'), ('main', 'main (a)'), ('learner-dispatcher', 'learner-dispatcher (c)'),
                      ('remote-dispatcher', 'remote (Artery)'),
                      ('default-dispatcher', 'default-dispatcher'), ('internal-dispatcher', 'internal-dispatcher'),
                      ('Compiler', 'jit'), ('GC', 'GC'), ('G1', 'GC')):
        if key in thread:
            return name
    return 'other'

groups = collections.defaultdict(collections.Counter)
for line in lines(sys.argv[1]):
    stack, n = line.rsplit(' ', 1)
    where = 'runChunk' if 'Learner.runChunk' in stack else 'consume' if 'BeliefMonitor.consume' in stack else 'outside'
    groups[group(stack.split(';')[0])][where] += int(n)
for name, c in sorted(groups.items()):
    print('%-24s total %6d  ' % (name, sum(c.values())) + ' '.join('%s=%d' % kv for kv in c.most_common()))
