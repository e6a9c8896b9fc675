package dev.switchboard.router.budget;

class InMemoryBudgetLedgerTest extends BudgetLedgerContract {

    private InMemoryBudgetLedger ledger;

    @Override
    protected BudgetLedger ledger() {
        ledger = new InMemoryBudgetLedger(alerts());
        return ledger;
    }

    @Override
    protected long[] usage(String windowId) {
        return ledger.usage(windowId);
    }
}
