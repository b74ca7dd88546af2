-- Accounts of the people who use Verso. Accounts are disabled, never deleted.
CREATE TABLE app_user (
    id            UUID         NOT NULL PRIMARY KEY,
    username      VARCHAR(64)  NOT NULL,
    display_name  VARCHAR(200) NOT NULL,
    password_hash VARCHAR(200) NOT NULL,
    enabled       BOOLEAN      NOT NULL,
    ui_language   VARCHAR(8)   NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT app_user_username_uq UNIQUE (username)
);

CREATE TABLE app_user_role (
    user_id UUID        NOT NULL,
    role    VARCHAR(20) NOT NULL,
    CONSTRAINT app_user_role_pk PRIMARY KEY (user_id, role),
    CONSTRAINT app_user_role_user_fk FOREIGN KEY (user_id) REFERENCES app_user (id)
);

-- The languages a translator translates into (BCP 47 tags, lower case).
CREATE TABLE app_user_language (
    user_id  UUID        NOT NULL,
    language VARCHAR(16) NOT NULL,
    CONSTRAINT app_user_language_pk PRIMARY KEY (user_id, language),
    CONSTRAINT app_user_language_user_fk FOREIGN KEY (user_id) REFERENCES app_user (id)
);
