package ca.bim.clinic.common.persistence;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** Work that must wait until the caller's transaction has committed (and is skipped when it rolls back). */
public final class AfterCommit {

    private AfterCommit() {
    }

    /** Runs {@code action} once the current transaction has committed; the caller must be in a transaction. */
    public static void run(TransactionSynchronizationRegistry transactions, Runnable action) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }
}
