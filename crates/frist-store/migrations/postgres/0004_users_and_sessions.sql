-- Staff accounts and their browser sessions. Passwords are stored only as Argon2id PHC strings;
-- sessions only as the SHA-256 hex of the cookie's token, so a copy of the database neither
-- reveals a password nor opens a session.
CREATE TABLE users (
    username      TEXT    PRIMARY KEY,
    role          TEXT    NOT NULL,
    password_hash TEXT    NOT NULL,
    created_at    BIGINT  NOT NULL
);

CREATE TABLE sessions (
    token_hash TEXT    PRIMARY KEY,
    username   TEXT    NOT NULL REFERENCES users (username),
    expires_at BIGINT  NOT NULL
);

CREATE INDEX sessions_username ON sessions (username);
