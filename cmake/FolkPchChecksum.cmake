# cmake -DINPUTS=a;b -DOUTPUTS=x;y -P FolkPchChecksum.cmake: writes the SHA-256 of the inputs'
# contents to each output (see FolkPrecompiledHeaders.cmake).
set(text "")
foreach(input IN LISTS INPUTS)
  file(SHA256 "${input}" hash)
  string(APPEND text "${hash}\n")
endforeach()
string(SHA256 digest "${text}")
foreach(output IN LISTS OUTPUTS)
  file(WRITE "${output}" "${digest}\n")
endforeach()
