package org.driftlab.core.metrics;

import java.util.Arrays;

/**
 * A grow-only list of step indices whose copies share storage, so that the chunk-start snapshot and its
 * rollback (DESIGN §9) cost O(1) however long the list is. Logs that copied one another share a
 * {@link Block}; {@code used} is the longest prefix any sharer wrote. An append that would overwrite a
 * sharer's different value forks a private block instead (copy-on-write); appending the value already
 * there (a replay after rollback) only extends this log. Allocation: growth doubles the capacity and a fork
 * copies the prefix; both are rare (amortised O(1) per append; a fork at most once per rollback that
 * changes the future, i.e. once per belief-ordered reset).
 */
final class StepLog {
    private static final class Block {
        long[] data;
        int used;

        Block(int capacity) {
            data = new long[capacity];
        }
    }

    private Block block;
    private int size;

    StepLog(int initialCapacity) {
        block = new Block(Math.max(4, initialCapacity));
    }

    int size() {
        return size;
    }

    long get(int i) {
        if (i >= size) throw new IndexOutOfBoundsException(i + " >= " + size);
        return block.data[i];
    }

    void add(long value) {
        if (size < block.used) {
            if (block.data[size] == value) {
                size++;
                return;
            }
            fork(Math.max(block.data.length, size + 1));
        } else if (size == block.data.length) {
            fork(2 * block.data.length);
        }
        block.data[size] = value;
        size++;
        block.used = size;
    }

    /** Makes this log equal to {@code other}, sharing its storage. O(1). */
    void copyFrom(StepLog other) {
        block = other.block;
        size = other.size;
    }

    long[] toArray() {
        return Arrays.copyOf(block.data, size);
    }

    private void fork(int capacity) {
        Block fresh = new Block(capacity);
        System.arraycopy(block.data, 0, fresh.data, 0, size);
        fresh.used = size;
        block = fresh;
    }
}
