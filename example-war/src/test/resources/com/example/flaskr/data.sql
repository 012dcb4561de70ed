-- The tutorial's test data (Flask: examples/tutorial/tests/data.sql), in H2's dialect: the tables are named users
-- and posts (USER is a reserved word in H2), and CHAR(10) is the newline inside the body. The hashes are
-- Werkzeug's pbkdf2:sha256 form, which Flaskr checks as they are: user "test" has the password "test", user
-- "other" the password "other". Loaded into freshly created tables, so the users get ids 1 and 2, the post id 1.
INSERT INTO users (username, password)
VALUES
  ('test', 'pbkdf2:sha256:50000$TCI4GzcX$0de171a4f4dac32e3364c7ddc7c14f3e2fa61f2d17574483f7ffbb431b4acb2f'),
  ('other', 'pbkdf2:sha256:50000$kJPKsz6N$d2d4784f1b030a9761f5ccaeeaca413f27f2ecb76d6168407af962ddce849f79');

INSERT INTO posts (title, body, author_id, created)
VALUES
  ('test title', 'test' || CHAR(10) || 'body', 1, TIMESTAMP '2018-01-01 00:00:00');
