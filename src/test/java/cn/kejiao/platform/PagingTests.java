package cn.kejiao.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** One rule for every paged listing: pages from 0, a size of at least 1 lowered to the maximum, no row beyond 10 000. */
class PagingTests {

	@Test
	void aSizeAboveTheMaximumIsLoweredToIt() {
		assertThat(Paging.of(2, 500, 100)).isEqualTo(new Paging(2, 100));
		assertThat(Paging.of(2, 500, 100).offset()).isEqualTo(200);
	}

	@Test
	void aNegativePageOrASizeBelowOneIsRefusedWithItsCode() {
		for (int[] wrong : new int[][] { { -1, 20 }, { 0, 0 }, { 0, -5 }, { Integer.MIN_VALUE, 1 } }) {
			assertThatThrownBy(() -> Paging.of(wrong[0], wrong[1], 100)).isInstanceOfSatisfying(KejiaoException.class,
					ex -> assertThat(ex.code()).isEqualTo("request.page-out-of-range"));
		}
	}

	@Test
	void noPageReachesBeyondTheFirstTenThousandRowsHoweverLargeItsNumber() {
		assertThat(Paging.of(99, 100, 100).offset()).isEqualTo(9_900);
		for (int[] deep : new int[][] { { 100, 100 }, { Integer.MAX_VALUE, 3 }, { Integer.MAX_VALUE, Integer.MAX_VALUE },
				{ 10_000, 1 } }) {
			assertThatThrownBy(() -> Paging.of(deep[0], deep[1], Integer.MAX_VALUE)).isInstanceOf(KejiaoException.class);
		}
	}
}
