// test_main.cpp — GoogleTest entry point shared by the native and the wasm (Node) test binaries.
#include <gtest/gtest.h>

int main(int argc, char** argv) {
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
