# Every dependency comes from Debian 12 packages (tools/setup installs them).
find_package(TBB REQUIRED)
find_package(yaml-cpp REQUIRED)
find_package(HDF5 REQUIRED COMPONENTS C HL)
find_package(CLI11 REQUIRED)
find_package(Boost 1.74 REQUIRED)

add_library(laborsim_hdf5 INTERFACE)
target_include_directories(laborsim_hdf5 INTERFACE ${HDF5_INCLUDE_DIRS})
target_link_libraries(laborsim_hdf5 INTERFACE ${HDF5_HL_LIBRARIES} ${HDF5_C_LIBRARIES})
target_compile_definitions(laborsim_hdf5 INTERFACE ${HDF5_DEFINITIONS})
add_library(laborsim::hdf5 ALIAS laborsim_hdf5)

# Random123 is header-only (librandom123-dev).
find_path(RANDOM123_INCLUDE_DIR Random123/philox.h REQUIRED)
add_library(laborsim_random123 INTERFACE)
target_include_directories(laborsim_random123 SYSTEM INTERFACE ${RANDOM123_INCLUDE_DIR})
add_library(laborsim::random123 ALIAS laborsim_random123)

if(LABORSIM_BUILD_TESTS)
  find_package(Catch2 2 REQUIRED)
endif()
