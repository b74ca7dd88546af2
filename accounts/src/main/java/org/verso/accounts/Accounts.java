package org.verso.accounts;

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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.verso.accounts.AccountCommands.ChangeAccess;
import org.verso.accounts.AccountCommands.CreateAccount;
import org.verso.library.LanguageTag;

/**
 * The accounts of the people who use Verso. Accounts are disabled, never deleted. Passwords are stored only as hashes
 * (bcrypt), and the hashes never leave this class: {@link #checkPassword} is the one way to test a password.
 *
 * <p>Thread-safe; every method runs in its own transaction (or joins the caller's). Throws {@link AccountNotFound},
 * {@link UsernameTaken}, {@link LastAdmin} and {@link InvalidAccountInput}. Publishes {@link AccountDisabled}.
 */
@Service
public class Accounts {
    private final JdbcClient db;
    private final PasswordEncoder passwords = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private volatile String unknownUserHash;

    Accounts(JdbcClient db, ApplicationEventPublisher events, Clock clock) {
        this.db = db;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Account create(CreateAccount command) {
        AccountId id = AccountId.random();
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
    public Account get(AccountId id) {
        return find(id).orElseThrow(() -> new AccountNotFound(id.toString()));
    }

    @Transactional(readOnly = true)
    public Optional<Account> find(AccountId id) {
        return load("WHERE u.id = ?", id.value()).stream().findFirst();
    }

    @Transactional(readOnly = true)
    public Optional<Account> findByUsername(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return load("WHERE u.username = ?", username.strip().toLowerCase(java.util.Locale.ROOT)).stream()
                .findFirst();
    }

    /** Every account, enabled or not, ordered by user name. */
    @Transactional(readOnly = true)
    public List<Account> all() {
        return load("", null);
    }

    @Transactional(readOnly = true)
    public boolean none() {
        return db.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single() == 0;
    }

    /**
     * The account named {@code username} when {@code password} is its password, enabled or not (the caller tells a
     * disabled holder so); empty for a wrong password or an unknown name, which takes as long as a known one.
     */
    @Transactional(readOnly = true)
    public Optional<Account> checkPassword(String username, String password) {
        Optional<Account> account = findByUsername(username);
        String hash = account.flatMap(a -> passwordHash(a.username())).orElseGet(this::unknownUserHash);
        boolean matches = password != null && passwords.matches(password, hash);
        return matches ? account : Optional.empty();
    }

    /** Accounts holding {@code role} that translate into {@code language}, enabled ones only, by user name. */
    @Transactional(readOnly = true)
    public List<Account> translatorsInto(LanguageTag language) {
        return all().stream()
                .filter(a -> a.enabled() && a.has(Role.TRANSLATOR) && a.translatesInto(language))
                .toList();
    }

    /** The stored hash: never leaves this class. */
    Optional<String> passwordHash(String username) {
        return db.sql("SELECT password_hash FROM app_user WHERE username = ?")
                .param(username)
                .query(String.class)
                .optional();
    }

    private String unknownUserHash() {
        String hash = unknownUserHash;
        if (hash == null) {
            hash = passwords.encode(UUID.randomUUID().toString());
            unknownUserHash = hash;
        }
        return hash;
    }

    @Transactional
    public Account changeAccess(AccountId id, ChangeAccess command) {
        Account user = get(id);
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
    public Account setEnabled(AccountId id, boolean enabled) {
        Account before = get(id);
        if (!enabled && before.has(Role.ADMIN)) {
            keepAnAdmin(id);
        }
        update(id, "enabled = ?", enabled);
        if (before.enabled() && !enabled) {
            events.publishEvent(new AccountDisabled(id, before.username()));
        }
        return get(id);
    }

    @Transactional
    public Account resetPassword(AccountId id, String newPassword) {
        update(id, "password_hash = ?", passwords.encode(AccountCommands.validPassword(newPassword)));
        return get(id);
    }

    @Transactional
    public Account changeUiLanguage(AccountId id, String uiLanguage) {
        update(id, "ui_language = ?", AccountCommands.validUiLanguage(uiLanguage));
        return get(id);
    }

    /** Refuses a change that would leave no enabled admin besides {@code leaving}. */
    private void keepAnAdmin(AccountId leaving) {
        long others = db.sql("SELECT COUNT(*) FROM app_user u JOIN app_user_role r ON r.user_id = u.id"
                        + " WHERE r.role = 'ADMIN' AND u.enabled = TRUE AND u.id <> ?")
                .param(leaving.value())
                .query(Long.class)
                .single();
        if (others == 0) {
            throw new LastAdmin();
        }
    }

    private void update(AccountId id, String assignment, Object value) {
        int rows = db.sql("UPDATE app_user SET " + assignment + ", updated_at = ? WHERE id = ?")
                .params(value, Timestamp.from(clock.instant()), id.value())
                .update();
        if (rows == 0) {
            throw new AccountNotFound(id.toString());
        }
    }

    private void touch(AccountId id) {
        db.sql("UPDATE app_user SET updated_at = ? WHERE id = ?")
                .params(Timestamp.from(clock.instant()), id.value())
                .update();
    }

    private void writeAccess(AccountId id, Collection<Role> roles, Collection<LanguageTag> languages) {
        for (Role role : roles) {
            db.sql("INSERT INTO app_user_role (user_id, role) VALUES (?, ?)")
                    .params(id.value(), role.name())
                    .update();
        }
        for (LanguageTag language : languages) {
            db.sql("INSERT INTO app_user_language (user_id, language) VALUES (?, ?)")
                    .params(id.value(), language.value())
                    .update();
        }
    }

    private List<Account> load(String where, Object param) {
        var sql = db.sql("SELECT u.id, u.username, u.display_name, u.enabled, u.ui_language, u.created_at, u.updated_at"
                + " FROM app_user u " + where + " ORDER BY u.username");
        if (param != null) {
            sql = sql.param(param);
        }
        List<Row> rows = sql.query(Accounts::row).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, Set<Role>> roles = new HashMap<>();
        Map<UUID, Set<LanguageTag>> languages = new HashMap<>();
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
                            .addAll(stored(rs.getString(2)));
                });
        List<Account> users = new ArrayList<>(rows.size());
        for (Row r : rows) {
            users.add(new Account(
                    new AccountId(r.id()),
                    r.username(),
                    r.displayName(),
                    r.enabled(),
                    roles.getOrDefault(r.id(), Set.of()),
                    languages.getOrDefault(r.id(), Set.of()),
                    r.uiLanguage(),
                    r.createdAt(),
                    r.updatedAt()));
        }
        return users;
    }

    /** A stored language; one that is no language tag (none is written since V20.1) is left out. */
    private static Set<LanguageTag> stored(String language) {
        try {
            return Set.of(LanguageTag.of(language));
        } catch (LanguageTag.InvalidLanguageTag e) {
            return Set.of();
        }
    }

    private record Row(
            UUID id,
            String username,
            String displayName,
            boolean enabled,
            String uiLanguage,
            Instant createdAt,
            Instant updatedAt) {}

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getObject("id", UUID.class),
                rs.getString("username"),
                rs.getString("display_name"),
                rs.getBoolean("enabled"),
                rs.getString("ui_language"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
