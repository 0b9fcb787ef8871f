package cn.anjian.platform.numbering;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anjian.support.AnjianTest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Document numbers run 1, 2, 3 … per kind, region and year: no repeat, and no gap left by an issue that failed. */
@AnjianTest
class DocumentNumbersTest {

	@Autowired
	DocumentNumbers numbers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void concurrentIssuersGetEveryNumberOnceAndARolledBackIssueGivesItsNumberBack() {
		long city = jdbc.sql("SELECT id FROM region WHERE parent_id IS NULL").query(Long.class).single();
		TransactionTemplate tx = new TransactionTemplate(transactions);
		ConcurrentLinkedQueue<Integer> kept = new ConcurrentLinkedQueue<>();
		ExecutorService eight = Executors.newFixedThreadPool(8);
		CompletableFuture<?>[] issuers = IntStream.range(0, 40).mapToObj(i -> CompletableFuture.runAsync(() -> tx.executeWithoutResult(status -> {
			int number = numbers.next("TEST_NOTICE", city, 2031);
			if (i % 4 == 0) {
				status.setRollbackOnly();
			}
			else {
				kept.add(number);
			}
		}), eight)).toArray(CompletableFuture[]::new);
		CompletableFuture.allOf(issuers).join();
		eight.shutdown();

		assertThat(kept.stream().sorted().toList()).isEqualTo(IntStream.rangeClosed(1, 30).boxed().toList());
		assertThat(tx.<Integer>execute(status -> numbers.next("TEST_NOTICE", city, 2032))).as("a new year starts at 1").isEqualTo(1);
		assertThat(tx.<Integer>execute(status -> numbers.next("OTHER_KIND", city, 2031))).as("each kind counts alone").isEqualTo(1);
	}

	@Test
	void theNumberIsWrittenAsAnOfficialDocumentWritesIt() {
		assertThat(DocumentNumbers.format("济安办通", 2026, 3)).isEqualTo("济安办通〔2026〕3号");
	}
}
