package cn.kejiao.trading;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.FlowItem;
import cn.kejiao.platform.Money;
import cn.kejiao.platform.RegionFlow;
import cn.kejiao.platform.database.SqlArrays;

/**
 * The contracts behind the contract figures, as {@link FlowItem}s, by the rule of {@link ContractFigures#daily}:
 * registered contracts (not terminated ones) on the day they were registered (China time), served the buyer and
 * serving the seller as the contract kept them, with their value, number, parties' names and a link to the
 * contract's page; newest first. Callers decide who may read them.
 */
@Service
public class ContractItems {

	private final JdbcClient jdbc;

	ContractItems(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The registered contracts from {@code from} to {@code to}, both included, whose buyer lies in one of
	 * {@code served} and whose seller in one of {@code serving} (region codes, each with everything below it; any
	 * when empty), {@code limit} from {@code offset}.
	 */
	@Transactional(readOnly = true)
	public List<FlowItem> registered(LocalDate from, LocalDate to, Collection<String> served,
			Collection<String> serving, int offset, int limit) {
		RegionFlow.requireSpan(from, to);
		return jdbc.sql("""
				select id, number, title, (registered_at at time zone 'Asia/Shanghai')::date, buyer_region, buyer_name,
				       seller_region, seller_name, value_fen
				from trading.contract
				where state in ('REGISTERED', 'IN_PERFORMANCE', 'COMPLETED')
				  and registered_at >= :from and registered_at < :to
				  and buyer_region like any(:served) and seller_region like any(:serving)
				order by registered_at desc, number desc offset :offset limit :limit""")
			.param("from", Timestamp.from(from.atStartOfDay(ChinaTime.ZONE).toInstant()))
			.param("to", Timestamp.from(to.plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant()))
			.param("served", SqlArrays.texts(RegionFlow.likePatterns(served)))
			.param("serving", SqlArrays.texts(RegionFlow.likePatterns(serving)))
			.param("offset", Math.max(0, offset)).param("limit", Math.max(0, limit))
			.query((rs, n) -> new FlowItem(rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), new Money(rs.getLong(9)),
					"/contracts/" + rs.getString(1)))
			.list();
	}
}
