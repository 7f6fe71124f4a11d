package cn.renda.proposals.platform;

import java.util.Objects;
import org.apache.ibatis.session.SqlSession;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * The engine's database identity provider with the application's account rules. Every identity call of the engine
 * goes through it (Java, engine-rest, the webapps' API), so the rules hold whichever way a change comes in.
 *
 * <ul>
 *   <li><b>Passwords</b> are checked only when the {@link LoginGuard} allows it. Camunda's own per-user lock (columns
 *       {@code ATTEMPTS_} and {@code LOCK_EXP_TIME_} of {@code ACT_ID_USER}) is never used: it counts the failures of
 *       everyone together, so anybody who knows a user id could keep that user out, from anywhere, with a few wrong
 *       passwords.
 *   <li><b>Own profile</b>: a user who is not an administrator may not change their own first or last name (names
 *       appear on official records) nor, unless allowed, their own e-mail address (notifications follow it), nor
 *       delete their own account. Camunda grants every user ALL on their own user, so authorizations cannot say
 *       this; changing one's own password stays possible.
 * </ul>
 */
class GuardedIdentityProvider extends DbIdentityServiceProvider {

  static final String NAMES_REFUSED = "不能修改自己的姓名：姓名会出现在正式记录上，如需更正请联系系统管理员"
      + "（Users may not change their own first or last name: names appear on official records; ask an administrator）";
  static final String EMAIL_REFUSED = "不能修改自己的电子邮箱：通知按此地址发送，如需更改请联系系统管理员"
      + "（Users may not change their own e-mail address: notifications are sent to it; ask an administrator）";
  static final String DELETE_REFUSED = "不能删除自己的账号，请联系系统管理员"
      + "（Users may not delete their own account; ask an administrator）";

  private final LoginGuard guard;
  private final boolean usersMayChangeOwnEmail;

  GuardedIdentityProvider(LoginGuard guard, boolean usersMayChangeOwnEmail) {
    this.guard = guard;
    this.usersMayChangeOwnEmail = usersMayChangeOwnEmail;
  }

  @Override
  public boolean checkPassword(String userId, String password) {
    if (userId == null || password == null) {
      return false;
    }
    if (!guard.mayCheckPassword(userId)) {
      return false;
    }
    UserEntity user = findUserById(userId);
    boolean matched = user != null && matchPassword(password, user);
    guard.passwordChecked(userId, matched);
    return matched;
  }

  @Override
  public IdentityOperationResult saveUser(User user) {
    UserEntity changed = (UserEntity) user;
    if (changed.getRevision() != 0 && actsOnOwnAccount(changed.getId())) {
      UserEntity stored = storedUser(changed.getId());
      if (stored != null) {
        if (!same(stored.getFirstName(), changed.getFirstName())
            || !same(stored.getLastName(), changed.getLastName())) {
          throw new AuthorizationException(NAMES_REFUSED);
        }
        if (!usersMayChangeOwnEmail && !same(stored.getEmail(), changed.getEmail())) {
          throw new AuthorizationException(EMAIL_REFUSED);
        }
      }
    }
    return super.saveUser(user);
  }

  @Override
  public IdentityOperationResult deleteUser(String userId) {
    if (actsOnOwnAccount(userId)) {
      throw new AuthorizationException(DELETE_REFUSED);
    }
    return super.deleteUser(userId);
  }

  /** Whether the authenticated caller acts on their own account and is no administrator. */
  private static boolean actsOnOwnAccount(String userId) {
    CommandContext commandContext = Context.getCommandContext();
    Authentication authentication = commandContext.getAuthentication();
    return authentication != null
        && authentication.getUserId() != null
        && authentication.getUserId().equals(userId)
        && !commandContext.getAuthorizationManager().isCamundaAdmin(authentication);
  }

  /**
   * The user as stored in the database. Not through the entity cache: a caller inside the same command may hold (and
   * have changed) the cached entity itself. MyBatis's session cache is cleared around the read for the same reason,
   * and the read bypasses the engine's session so the fresh copy never joins the entity cache.
   */
  private UserEntity storedUser(String userId) {
    SqlSession sql = getDbSqlSession().getSqlSession();
    DbSqlSessionFactory statements = Context.getProcessEngineConfiguration().getDbSqlSessionFactory();
    String statement = statements.mapStatement(statements.getSelectStatement(UserEntity.class));
    sql.clearCache();
    try {
      return sql.selectOne(statement, userId);
    } finally {
      sql.clearCache();
    }
  }

  /** The webapps send an empty field where the database holds none. */
  private static boolean same(String stored, String changed) {
    return Objects.equals(stored == null ? "" : stored, changed == null ? "" : changed);
  }
}
