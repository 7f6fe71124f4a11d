package cn.renda.proposals.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API description at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}). */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

  /**
   * The server is this one, named relatively: without it springdoc writes the request's Host header (which anyone
   * can forge) into the description as the server's address.
   */
  @Bean
  OpenAPI apiDescription() {
    return new OpenAPI().servers(List.of(new Server().url("/").description("本服务器 / this server")));
  }
}
