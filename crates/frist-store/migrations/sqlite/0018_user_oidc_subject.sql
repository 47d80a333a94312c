-- Staff who sign in through an OpenID Connect provider: the account is linked to the person at
-- the provider by the issuer and the subject (`iss`, `sub` of the ID token), which the provider
-- never gives to anyone else, rather than by a name that may change or be reused. Both are NULL
-- for an account that signs in with a password only (NULLs never collide in the unique index).
ALTER TABLE users ADD COLUMN oidc_issuer TEXT;
ALTER TABLE users ADD COLUMN oidc_subject TEXT;

CREATE UNIQUE INDEX users_oidc_subject ON users (oidc_issuer, oidc_subject);
