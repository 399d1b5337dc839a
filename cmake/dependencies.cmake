# Every dependency comes from Debian 12 packages (tools/setup installs them).
find_package(TBB REQUIRED)
find_package(yaml-cpp REQUIRED)
find_package(HDF5 REQUIRED COMPONENTS C HL)
find_package(CLI11 REQUIRED)
find_package(Boost 1.74 REQUIRED)
find_package(OpenSSL 3 REQUIRED COMPONENTS Crypto)  # libcrypto: SHA-256 of run manifests (libssl-dev)

# Optional: `laborsim sweep` under mpirun (Debian: libopenmpi-dev). Without it the binary
# says MPI support is not built; local and Slurm-array sweeps work either way.
option(LABORSIM_WITH_MPI "Build the MPI sweep executor when an MPI C library is found" ON)
set(LABORSIM_MPI OFF)
if(LABORSIM_WITH_MPI)
  find_package(MPI COMPONENTS C)
  if(MPI_C_FOUND)
    set(LABORSIM_MPI ON)
  else()
    message(STATUS "MPI not found: laborsim sweep will run locally and as Slurm arrays only")
  endif()
endif()

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
