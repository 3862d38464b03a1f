package cn.kejiao.platform;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * One row behind a {@link RegionFlow} or a figure of one region: the order, grant, booking, contract, demand or
 * project counted, as its owning module shows it to an authority drilling down from a figure. Every module that
 * answers flows answers its rows in this shape, so the dashboards list them the same way whatever their kind.
 *
 * @param reference the record's number (an order number, a contract number) or, without one, its id
 * @param title what it is, in words (the service, the instrument, the demand's title)
 * @param day the day it counts on, China time, by the same rule as its flows
 * @param servedName the organisation served (client, booker, holder, buyer), or null for a fact of one region
 * @param servingName the organisation that served (provider, owner, issuer, seller), or null
 * @param value the money it counts with, or null for a kind without money
 * @param link the page of the record within the application, for those who may open it, or null
 */
public record FlowItem(String reference, String title, LocalDate day, String servedRegion,
		@Nullable String servedName, String servingRegion, @Nullable String servingName, @Nullable Money value,
		@Nullable String link) {
}
