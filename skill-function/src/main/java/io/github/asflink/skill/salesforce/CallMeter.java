package io.github.asflink.skill.salesforce;

/**
 * Where a {@link SalesforceClient} reports how long Salesforce made the request wait, for the request's log line.
 * Figures only: no address, query or answer passes through here.
 */
public interface CallMeter {

    /** One call and its own time; parallel calls each count. */
    void call(long elapsedMs);

    /**
     * One operation: how many round trips it waited for one after the other, and its wall-clock time, which is what
     * the user waited.
     */
    void waited(int roundTrips, long elapsedMs);
}
