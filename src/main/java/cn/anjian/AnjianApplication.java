package cn.anjian;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Anjian — municipal safety-production comprehensive supervision platform (安全生产综合监管平台). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AnjianApplication {

	public static void main(String[] args) {
		SpringApplication.run(AnjianApplication.class, args);
	}
}
