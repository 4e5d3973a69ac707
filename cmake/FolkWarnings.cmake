# Warnings on for our own targets only (third-party headers are included as SYSTEM).
function(folk_enable_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wno-unused-parameter)
endfunction()
