package org.activationtck.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * One-line descriptions of I/O failures. {@code java.nio} exceptions carry only the path as their
 * message ({@code NoSuchFileException: /x}), which says nothing to a user without the class name.
 */
final class IoErrors {

  private IoErrors() {}

  static String describe(IOException e) {
    String what;
    if (e instanceof NoSuchFileException) {
      what = "no such file or directory";
    } else if (e instanceof AccessDeniedException) {
      what = "permission denied";
    } else if (e instanceof NotDirectoryException) {
      what = "not a directory";
    } else if (e instanceof FileAlreadyExistsException) {
      what = "already exists";
    } else if (e instanceof DirectoryNotEmptyException) {
      what = "directory not empty";
    } else if (e instanceof FileSystemException) {
      FileSystemException f = (FileSystemException) e;
      what = f.getReason() != null ? f.getReason() : "file system error";
    } else {
      return "I/O error: " + e.getMessage();
    }
    FileSystemException f = (FileSystemException) e;
    return what + ": " + f.getFile() + (f.getOtherFile() != null ? " -> " + f.getOtherFile() : "");
  }
}
