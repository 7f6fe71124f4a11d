package cn.renda.proposals.process;

import cn.renda.proposals.platform.TaskPresentation;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The tasks' presentation snapshots are their {@link View}s: history need not keep them (the record does). */
@Component
class FormViews implements TaskPresentation {

  private static final Set<String> NAMES = Arrays.stream(View.values()).map(View::key)
      .collect(Collectors.toUnmodifiableSet());

  @Override
  public boolean isPresentation(String variableName) {
    return NAMES.contains(variableName);
  }
}
