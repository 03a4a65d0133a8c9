//! The PostgreSQL store passes the conformance kit against a real server
//! (skipped, saying so, without TOUSU_TEST_POSTGRES_URL).

mod common;

tousu::conformance_tests!(common::pg(CHECK));
