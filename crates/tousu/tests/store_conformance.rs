//! MemoryStore, the reference store, passes the conformance kit.

tousu::conformance_tests!(Some(tousu::conformance::MemoryBackend));
