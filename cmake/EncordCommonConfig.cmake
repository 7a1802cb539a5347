# One INTERFACE target that carries the project's compile settings, in the manner of
# qBittorrent's "common config": every target of ours links it PRIVATE.

add_library(encord_common_config INTERFACE)
add_library(Encord::CommonConfig ALIAS encord_common_config)

target_compile_features(encord_common_config INTERFACE cxx_std_20)
set(CMAKE_CXX_EXTENSIONS OFF)

target_compile_definitions(encord_common_config INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_FOREACH
    QT_NO_KEYWORDS
    QT_USE_QSTRINGBUILDER
    QT_STRICT_ITERATORS
    QT_DISABLE_DEPRECATED_UP_TO=0x060400
    ENCORD_VERSION_STRING="${PROJECT_VERSION}")

target_compile_options(encord_common_config INTERFACE -Wall -Wextra -Wpedantic)
if(ENCORD_WARNINGS_AS_ERRORS)
    target_compile_options(encord_common_config INTERFACE -Werror)
endif()

if(ENCORD_SANITIZE)
    set(_encord_sanitizers -fsanitize=address,undefined -fno-omit-frame-pointer
        -fno-sanitize-recover=undefined)
    target_compile_options(encord_common_config INTERFACE ${_encord_sanitizers})
    target_link_options(encord_common_config INTERFACE ${_encord_sanitizers})
endif()

# QCoro's coroutine flags (-fcoroutines on GCC).
qcoro_enable_coroutines()
