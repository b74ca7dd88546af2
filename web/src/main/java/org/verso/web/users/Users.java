package org.verso.web.users;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.verso.web.users.UserCommands.ChangeAccess;
import org.verso.web.users.UserCommands.CreateUser;

/**
 * The user accounts. Accounts are disabled, never deleted. Passwords are stored only as hashes.
 *
 * <p>Thread-safe; every method runs in its own transaction. Throws {@link UserNotFound}, {@link UsernameTaken} and
 * {@link InvalidUserInput}.
 */
@Service
public class Users {
    private final JdbcClient db;
    private final PasswordEncoder passwords;
    private final Clock clock;

    Users(JdbcClient db, PasswordEncoder passwords, Clock clock) {
        this.db = db;
        this.passwords = passwords;
        this.clock = clock;
    }

    @Transactional
    public User create(CreateUser command) {
        UserId id = UserId.random();
        Instant now = clock.instant();
        try {
            db.sql("INSERT INTO app_user (id, username, display_name, password_hash, enabled, ui_language,"
                            + " created_at, updated_at) VALUES (?, ?, ?, ?, TRUE, ?, ?, ?)")
                    .params(
                            id.value(),
                            command.username(),
                            command.displayName(),
                            passwords.encode(command.password()),
                            command.uiLanguage(),
                            Timestamp.from(now),
                            Timestamp.from(now))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new UsernameTaken(command.username());
        }
        writeAccess(id, command.roles(), command.languages());
        return get(id);
    }

    @Transactional(readOnly = true)
    public User get(UserId id) {
        return find(id).orElseThrow(() -> new UserNotFound(id.toString()));
    }

    @Transactional(readOnly = true)
    public Optional<User> find(UserId id) {
        return load("WHERE u.id = ?", id.value()).stream().findFirst();
    }

    @Transactional(readOnly = true)
    public Optional<User> findByUsername(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return load("WHERE u.username = ?", username.strip().toLowerCase(java.util.Locale.ROOT)).stream()
                .findFirst();
    }

    /** Every account, enabled or not, ordered by user name. */
    @Transactional(readOnly = true)
    public List<User> all() {
        return load("", null);
    }

    @Transactional(readOnly = true)
    public boolean none() {
        return db.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single() == 0;
    }

    /** The stored hash, for authentication only. */
    @Transactional(readOnly = true)
    Optional<String> passwordHash(String username) {
        return db.sql("SELECT password_hash FROM app_user WHERE username = ?")
                .param(username)
                .query(String.class)
                .optional();
    }

    @Transactional
    public User changeAccess(UserId id, ChangeAccess command) {
        User user = get(id);
        if (user.has(Role.ADMIN) && !command.roles().contains(Role.ADMIN)) {
            keepAnAdmin(id);
        }
        db.sql("DELETE FROM app_user_role WHERE user_id = ?").param(id.value()).update();
        db.sql("DELETE FROM app_user_language WHERE user_id = ?")
                .param(id.value())
                .update();
        writeAccess(id, command.roles(), command.languages());
        touch(id);
        return get(id);
    }

    @Transactional
    public User setEnabled(UserId id, boolean enabled) {
        if (!enabled && get(id).has(Role.ADMIN)) {
            keepAnAdmin(id);
        }
        update(id, "enabled = ?", enabled);
        return get(id);
    }

    @Transactional
    public User resetPassword(UserId id, String newPassword) {
        update(id, "password_hash = ?", passwords.encode(UserCommands.validPassword(newPassword)));
        return get(id);
    }

    @Transactional
    public User changeUiLanguage(UserId id, String uiLanguage) {
        update(id, "ui_language = ?", UserCommands.validUiLanguage(uiLanguage));
        return get(id);
    }

    /** Refuses a change that would leave no enabled admin besides {@code leaving}. */
    private void keepAnAdmin(UserId leaving) {
        long others = db.sql("SELECT COUNT(*) FROM app_user u JOIN app_user_role r ON r.user_id = u.id"
                        + " WHERE r.role = 'ADMIN' AND u.enabled = TRUE AND u.id <> ?")
                .param(leaving.value())
                .query(Long.class)
                .single();
        if (others == 0) {
            throw new LastAdmin();
        }
    }

    private void update(UserId id, String assignment, Object value) {
        int rows = db.sql("UPDATE app_user SET " + assignment + ", updated_at = ? WHERE id = ?")
                .params(value, Timestamp.from(clock.instant()), id.value())
                .update();
        if (rows == 0) {
            throw new UserNotFound(id.toString());
        }
    }

    private void touch(UserId id) {
        db.sql("UPDATE app_user SET updated_at = ? WHERE id = ?")
                .params(Timestamp.from(clock.instant()), id.value())
                .update();
    }

    private void writeAccess(UserId id, Collection<Role> roles, Collection<String> languages) {
        for (Role role : roles) {
            db.sql("INSERT INTO app_user_role (user_id, role) VALUES (?, ?)")
                    .params(id.value(), role.name())
                    .update();
        }
        for (String language : languages) {
            db.sql("INSERT INTO app_user_language (user_id, language) VALUES (?, ?)")
                    .params(id.value(), language)
                    .update();
        }
    }

    private List<User> load(String where, Object param) {
        var sql = db.sql("SELECT u.id, u.username, u.display_name, u.enabled, u.ui_language, u.created_at"
                + " FROM app_user u " + where + " ORDER BY u.username");
        if (param != null) {
            sql = sql.param(param);
        }
        List<Row> rows = sql.query(Users::row).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, Set<Role>> roles = new HashMap<>();
        Map<UUID, Set<String>> languages = new HashMap<>();
        boolean one = rows.size() == 1;
        String filter = one ? " WHERE user_id = ?" : "";
        Object[] ids = one ? new Object[] {rows.get(0).id()} : new Object[0];
        db.sql("SELECT user_id, role FROM app_user_role" + filter).params(ids).query(rs -> {
            roles.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashSet<>())
                    .add(Role.valueOf(rs.getString(2)));
        });
        db.sql("SELECT user_id, language FROM app_user_language" + filter)
                .params(ids)
                .query(rs -> {
                    languages
                            .computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashSet<>())
                            .add(rs.getString(2));
                });
        List<User> users = new ArrayList<>(rows.size());
        for (Row r : rows) {
            users.add(new User(
                    new UserId(r.id()),
                    r.username(),
                    r.displayName(),
                    r.enabled(),
                    roles.getOrDefault(r.id(), Set.of()),
                    languages.getOrDefault(r.id(), Set.of()),
                    r.uiLanguage(),
                    r.createdAt()));
        }
        return users;
    }

    private record Row(
            UUID id, String username, String displayName, boolean enabled, String uiLanguage, Instant createdAt) {}

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getObject("id", UUID.class),
                rs.getString("username"),
                rs.getString("display_name"),
                rs.getBoolean("enabled"),
                rs.getString("ui_language"),
                rs.getTimestamp("created_at").toInstant());
    }
}
