package cn.renda.proposals.deputy;

import cn.renda.proposals.web.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The workspace answers with pages, not problem+json: a proposal the deputy may not see (or that does not exist) is
 * the same 404 page, so that ids cannot be probed.
 */
@ControllerAdvice(assignableTypes = WorkspaceController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class WorkspaceErrors {

  @ExceptionHandler(NotFoundException.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound(HttpServletRequest request, Model model) {
    WorkspaceController.pageModel(request, model);
    return "deputy/not-found";
  }
}
